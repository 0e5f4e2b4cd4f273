package org.adversarialarena.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.adversarialarena.ml.attack.Apgd;
import org.adversarialarena.ml.attack.Attack;
import org.adversarialarena.ml.attack.AttackGoal;
import org.adversarialarena.ml.attack.AttackResult;
import org.adversarialarena.ml.attack.GradientAttack;
import org.adversarialarena.ml.attack.Norm;
import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.ml.data.Datasets;
import org.adversarialarena.ml.data.ImageSet;
import org.adversarialarena.ml.fastpath.FastPath;
import org.adversarialarena.ml.model.ClassifierFiles;
import org.adversarialarena.ml.model.ClassifierId;
import org.adversarialarena.ml.serve.ClassifierPool;
import org.adversarialarena.ml.serve.DifferentiableClassifier;

/**
 * Single-image attack latency on the shipped MNIST LeNet, as the Fool game runs them after each
 * attempt: each attack on each of the first N correctly classified test digits, one at a time, after
 * a warm-up. "Full" rows run every step (what the attack costs at most); "game" rows stop at the first
 * success, as the comparison panel does. Run with
 * {@code ./mvnw -Pbenchmark test-compile exec:exec -Dbenchmark.main=org.adversarialarena.benchmark.AttackBenchmarkMain}.
 */
public final class AttackBenchmarkMain {

    private static final int VICTIMS = 50;
    private static final int WARMUP_ROUNDS = 10;

    private AttackBenchmarkMain() {
    }

    public static void main(String[] args) throws IOException {
        FastPath.install();
        ClassifierPool model = new ClassifierPool(ClassifierFiles.loadShipped(ClassifierId.parse("mnist-lenet", 1)), 1);
        List<float[]> images = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        ImageSet test = Datasets.load(DatasetId.MNIST).test();
        for (int i = 0; i < test.size() && images.size() < VICTIMS; i++) {
            if (model.predictions(new float[][] {test.image(i)})[0] == test.label(i)) {
                images.add(test.image(i));
                labels.add(test.label(i));
            }
        }
        Map<String, Attack<? super DifferentiableClassifier>> attacks = new LinkedHashMap<>();
        attacks.put("FGSM ε=0.3 (full)", GradientAttack.fgsm(0.3f));
        attacks.put("PGD-40 L∞ ε=0.3 (full)", GradientAttack.pgd(Norm.LINF, 0.3f, 40).toTheEnd());
        attacks.put("PGD-40 L∞ ε=0.3 (game: stop at success)", GradientAttack.pgd(Norm.LINF, 0.3f, 40));
        attacks.put("APGD-CE-100 ε=0.3 (game)", Apgd.ce(0.3f, 100));
        attacks.putAll(MoreAttacks.all());

        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "OMP_NUM_THREADS=%s; JDK %s; %d cores; %d MNIST test digits, one at a time%n%n",
                System.getenv("OMP_NUM_THREADS"), System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), images.size()));
        table.append("| attack | p50 ms | p90 ms | max ms | success | mean gradient steps | mean queries |\n|---|---|---|---|---|---|---|\n");
        // Every attack warms up before any is timed: the first row used to carry the JIT's warm-up of the
        // whole DL4J stack (FGSM measured slower than two-gradient APGD).
        for (Attack<? super DifferentiableClassifier> attack : attacks.values()) {
            warmUp(attack, model, images, labels);
        }
        for (Map.Entry<String, Attack<? super DifferentiableClassifier>> entry : attacks.entrySet()) {
            table.append(row(entry.getKey(), entry.getValue(), model, images, labels)).append('\n');
        }
        table.append(String.format(Locale.ROOT, "%nLoad average at end: %.2f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        System.out.println(table);
        Path out = Path.of("target", "benchmark-attacks.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table.toString());
    }

    private static void warmUp(Attack<? super DifferentiableClassifier> attack, ClassifierPool model, List<float[]> images,
            List<Integer> labels) {
        for (int round = 0; round < WARMUP_ROUNDS; round++) {
            for (int i = 0; i < Math.min(10, images.size()); i++) {
                attack.attack(model, images.get(i), AttackGoal.untargeted(labels.get(i)));
            }
        }
    }

    private static String row(String name, Attack<? super DifferentiableClassifier> attack, ClassifierPool model,
            List<float[]> images, List<Integer> labels) {
        double[] ms = new double[images.size()];
        int successes = 0;
        long gradients = 0;
        long queries = 0;
        for (int i = 0; i < images.size(); i++) {
            long start = System.nanoTime();
            AttackResult result = attack.attack(model, images.get(i), AttackGoal.untargeted(labels.get(i)));
            ms[i] = (System.nanoTime() - start) / 1e6;
            successes += result.success() ? 1 : 0;
            gradients += result.gradientSteps();
            queries += result.queries();
        }
        return String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %d/%d | %.1f | %.1f |", name, Timer.percentile(ms, 50),
                Timer.percentile(ms, 90), Timer.percentile(ms, 100), successes, images.size(),
                gradients / (double) images.size(), queries / (double) images.size());
    }
}
