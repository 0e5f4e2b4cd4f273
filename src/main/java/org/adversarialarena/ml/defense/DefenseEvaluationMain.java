package org.adversarialarena.ml.defense;

import static org.adversarialarena.ml.CommandLine.option;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.adversarialarena.ml.attack.Apgd;
import org.adversarialarena.ml.attack.Attack;
import org.adversarialarena.ml.attack.Ddn;
import org.adversarialarena.ml.attack.GradientAttack;
import org.adversarialarena.ml.attack.Jsma;
import org.adversarialarena.ml.attack.Norm;
import org.adversarialarena.ml.attack.SparseRandomSearch;
import org.adversarialarena.ml.attack.SquareAttack;
import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.ml.data.Datasets;
import org.adversarialarena.ml.data.ImageSet;
import org.adversarialarena.ml.explain.RobustnessCurve;
import org.adversarialarena.ml.fastpath.FastPath;
import org.adversarialarena.ml.model.ClassifierFiles;
import org.adversarialarena.ml.model.ClassifierId;
import org.adversarialarena.ml.serve.ClassifierPool;
import org.adversarialarena.ml.serve.DifferentiableClassifier;
import org.adversarialarena.ml.serve.ImageClassifier;

/**
 * The evaluation table of every defense of one dataset, on its first N test images: clean accuracy,
 * each attack's success rate without and with knowledge of the defense, and the worst-case robust
 * accuracy. Writes {@code target/robustness-<dataset>.md}, e.g.
 * <pre>java ... org.adversarialarena.ml.defense.DefenseEvaluationMain mnist --images 50</pre>
 */
public final class DefenseEvaluationMain {

    private DefenseEvaluationMain() {
    }

    public static void main(String[] args) throws IOException {
        FastPath.install();
        if (args.length == 0 || args[0].startsWith("-")) {
            System.err.println("usage: DefenseEvaluationMain <mnist|fashion-mnist> [--images 50] [--only <part of a defense's name>]");
            System.exit(2);
        }
        DatasetId dataset = DatasetId.fromSlug(args[0]);
        int count = Integer.parseInt(option(args, "--images", "50"));
        String only = option(args, "--only", "");
        boolean mnist = dataset == DatasetId.MNIST;
        float epsilon = mnist ? 0.3f : 0.1f;
        float l2 = mnist ? 2f : 1f;
        ImageSet test = Datasets.load(dataset).test();
        float[][] images = test.firstImages(count);
        int[] labels = test.firstLabels(count);

        ClassifierPool lenet = pool(dataset.slug() + "-lenet");
        List<Defense> defenses = new ArrayList<>();
        defenses.add(Defense.undefended("none (plain LeNet)", lenet));
        for (String robust : List.of("-lenet-madry", "-lenet-trades")) {
            if (ClassifierFiles.isShipped(ClassifierId.parse(dataset.slug() + robust, 1))) {
                defenses.add(Defense.undefended("adversarial training: " + dataset.slug() + robust, pool(dataset.slug() + robust)));
            }
        }
        Squeezer bits = Squeezer.bitDepth(mnist ? 1 : 3);
        defenses.add(Defense.classifier("squeezing " + bits.name() + " (adaptive: BPDA)", lenet, new SqueezedClassifier(lenet, bits)));
        Squeezer median = Squeezer.median(3);
        defenses.add(Defense.classifier("squeezing " + median.name() + " (adaptive: BPDA)", lenet, new SqueezedClassifier(lenet, median)));
        defenses.add(Defense.classifier("ensemble LeNet + MLP (adaptive: whole ensemble)", lenet,
                new Ensemble(List.of(lenet, pool(dataset.slug() + "-mlp")))));
        defenses.add(Defense.guarded("detector in front (adaptive: targeted, classifier + detector)", lenet,
                AdversarialDetector.loadShipped(dataset)));

        defenses.removeIf(defense -> !defense.name().contains(only));
        List<Attack<DifferentiableClassifier>> whiteBox = List.of(GradientAttack.fgsm(epsilon),
                GradientAttack.pgd(Norm.LINF, epsilon, 40), Apgd.ce(epsilon, 100), Ddn.of(100).withMaxNorm(l2),
                Jsma.withFraction(0.1f));
        List<Attack<ImageClassifier>> blackBox = List.of(SquareAttack.of(epsilon, 1_000), SparseRandomSearch.of(24, 1_000));

        long started = System.nanoTime();
        List<DefenseEvaluation> rows = new ArrayList<>();
        for (Defense defense : defenses) {
            long t = System.nanoTime();
            rows.add(DefenseEvaluation.run(defense, images, labels, whiteBox, blackBox));
            System.out.printf(Locale.ROOT, "%s: %.0f s%n", defense.name(), (System.nanoTime() - t) / 1e9);
        }
        String table = String.format(Locale.ROOT, "%s, first %d test images, L∞ ε=%.2f, L2 ≤ %.1f; success rate of each attack on"
                + " the images the defense classifies correctly, \"crafted without knowing the defense / **adaptive**\";"
                + " %.0f s, load average %.2f at the end%n%n", dataset.slug(), count, epsilon, l2,
                (System.nanoTime() - started) / 1e9, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage())
                + DefenseEvaluation.table(rows);
        table += curves(dataset, defenses, test, mnist);
        System.out.println(table);
        Path out = Path.of("target", "robustness-" + dataset.slug() + ".md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table);
    }

    /** Accuracy over ε (PGD-40 + APGD-CE, worst case per image) of the plain and adversarially trained classifiers. */
    private static String curves(DatasetId dataset, List<Defense> defenses, ImageSet test, boolean mnist) {
        float[] epsilons = mnist ? new float[] {0f, 0.05f, 0.1f, 0.2f, 0.3f, 0.4f} : new float[] {0f, 0.02f, 0.05f, 0.1f, 0.15f, 0.2f};
        int count = 100;
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "%nAccuracy over ε (PGD-40 + APGD-CE-100, worst case per image), first %d %s test images:%n%n| model |", count,
                dataset.slug()));
        StringBuilder rule = new StringBuilder("|---|");
        for (float epsilon : epsilons) {
            out.append(String.format(Locale.ROOT, " ε=%.2f |", epsilon));
            rule.append("---|");
        }
        out.append('\n').append(rule).append('\n');
        for (Defense defense : defenses) {
            if (defense.unaware() != defense.aware()) {
                continue;
            }
            RobustnessCurve curve = RobustnessCurve.measure(defense.aware(), test.firstImages(count), test.firstLabels(count), epsilons);
            out.append("| ").append(defense.name()).append(" |");
            curve.points().forEach(point -> out.append(String.format(Locale.ROOT, " %.0f%% |", 100 * point.accuracy())));
            out.append('\n');
        }
        return out.toString();
    }

    private static ClassifierPool pool(String name) {
        return new ClassifierPool(ClassifierFiles.loadShipped(ClassifierId.parse(name, 1)), 1);
    }
}
