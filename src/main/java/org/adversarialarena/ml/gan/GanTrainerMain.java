package org.adversarialarena.ml.gan;

import static org.adversarialarena.ml.CommandLine.option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.ml.data.DatasetSplit;
import org.adversarialarena.ml.data.Datasets;
import org.adversarialarena.ml.fastpath.FastPath;
import org.adversarialarena.ml.image.ImageGrid;
import org.adversarialarena.ml.model.ClassifierArchitecture;
import org.adversarialarena.ml.model.ClassifierFiles;
import org.adversarialarena.ml.model.ClassifierId;
import org.adversarialarena.ml.serve.ClassifierPool;
import org.adversarialarena.ml.train.Cancellation;
import org.adversarialarena.ml.train.TrainingListener;

/**
 * Trains a conditional GAN from scratch, writes it with its metrics, and a sample grid (a row per
 * class) beside it, e.g.
 * <pre>java -cp ... org.adversarialarena.ml.gan.GanTrainerMain mnist --architecture mlp --loss non_saturating \
 *   --iterations 6000 --seed 1 --out src/main/resources/models</pre>
 */
public final class GanTrainerMain {

    private GanTrainerMain() {
    }

    public static void main(String[] args) throws IOException {
        FastPath.install();
        if (args.length == 0 || args[0].startsWith("-")) {
            System.err.println("usage: GanTrainerMain <mnist|fashion-mnist> [--architecture mlp|dcgan] [--loss minimax|"
                    + "non_saturating|least_squares|wasserstein] [--k 1] [--lr-g 2e-4] [--lr-d 2e-4] [--real-label 0.9]"
                    + " [--iterations 6000] [--batch 64] [--seed 1] [--version 1] [--out src/main/resources/models]"
                    + " [--shift 2] [--guide mnist-mlp --guidance 1] [--settle 0.45 --settle-max 500 --settle-lr-d 0]"
                    + "\n       GanTrainerMain <dataset> --measure <saved GAN folder>");
            System.exit(2);
        }
        DatasetId dataset = DatasetId.fromSlug(args[0]);
        String remeasure = option(args, "--measure", "");
        if (!remeasure.isEmpty()) {
            // Re-judges a saved GAN, e.g. after its dataset's classifier was retrained.
            Path saved = Path.of(remeasure);
            Map<String, Object> quality = measureQuality(GanFiles.load(dataset, saved), 1);
            GanFiles.addMetrics(saved, quality);
            System.out.println("quality: " + quality);
            return;
        }
        GanTrainingOptions options = new GanTrainingOptions(
                GanArchitecture.valueOf(option(args, "--architecture", "mlp").toUpperCase(Locale.ROOT)),
                GanLoss.valueOf(option(args, "--loss", "non_saturating").toUpperCase(Locale.ROOT)),
                Integer.parseInt(option(args, "--k", "1")),
                Double.parseDouble(option(args, "--lr-g", "2e-4")),
                Double.parseDouble(option(args, "--lr-d", "2e-4")),
                Double.parseDouble(option(args, "--real-label", "0.9")),
                Double.parseDouble(option(args, "--clip", "0.01")),
                Integer.parseInt(option(args, "--batch", "64")),
                Integer.parseInt(option(args, "--iterations", "6000")),
                Long.parseLong(option(args, "--seed", "1")));
        int version = Integer.parseInt(option(args, "--version", "1"));
        Path folder = Path.of(option(args, "--out", "src/main/resources/models"))
                .resolve(dataset.slug() + "-cgan").resolve("v" + version);

        Cancellation cancellation = new Cancellation();
        Runtime.getRuntime().addShutdownHook(new Thread(cancellation::cancel));
        long started = System.nanoTime();
        TrainingListener console = progress -> {
            if (progress.step() % 250 == 0 || progress.step() == progress.totalSteps()) {
                System.out.printf(Locale.ROOT, "iteration %d/%d D loss %.4f D(x) %.3f D(G(z)) %.3f %.0fs%n", progress.step(),
                        progress.totalSteps(), progress.loss(), progress.metrics().get("meanDReal"),
                        progress.metrics().get("meanDFake"), (System.nanoTime() - started) / 1e9);
            }
        };
        GanRefinements refinements = refinements(dataset, args);
        ConditionalGan gan = GanTrainer.newGan(dataset, options);
        GanSteps steps = new GanTrainer(console, cancellation).train(gan, Datasets.load(dataset).train(), options, refinements);
        double settleTarget = Double.parseDouble(option(args, "--settle", "0"));
        if (settleTarget > 0) {
            // Reported so the settling's own effect on quality shows in the training log.
            System.out.println("before settling: " + measureQuality(gan, options.seed()));
        }
        Equilibrium.Settled settled = settleTarget > 0
                ? new Equilibrium(gan.latentSize(), dataset.classCount()).settle(steps,
                        settleTarget, Integer.parseInt(option(args, "--settle-max", "500")),
                        Double.parseDouble(option(args, "--settle-lr-d", "0")))
                : null;
        double seconds = (System.nanoTime() - started) / 1e9;
        GanFiles.save(gan, options, seconds, folder);
        Map<String, Object> recipe = new java.util.LinkedHashMap<>();
        recipe.put("maxShift", refinements.maxShift());
        recipe.put("guide", option(args, "--guide", ""));
        recipe.put("guidanceWeight", refinements.guidanceWeight());
        if (settled != null) {
            recipe.put("settleTarget", settleTarget);
            recipe.put("settleDiscriminatorLearningRate", Double.parseDouble(option(args, "--settle-lr-d", "0")));
            recipe.put("settleGeneratorSteps", settled.generatorSteps());
            recipe.put("settleProbeBefore", settled.before());
            recipe.put("settleProbeAfter", settled.after());
            System.out.println("settled: " + settled);
        }
        GanFiles.addMetrics(folder, recipe);
        Map<String, Object> quality = measureQuality(gan, options.seed());
        GanFiles.addMetrics(folder, quality);
        System.out.println("quality: " + quality);
        ImageGrid.write(sampleGrid(gan), folder.resolve("samples.png"));
        System.out.printf(Locale.ROOT, "trained in %.0f s (%.1f iterations/s) -> %s%n", seconds, options.iterations() / seconds, folder);
        Files.writeString(folder.resolve("options.txt"), options.toString());
    }

    /**
     * {@code --shift N} (D's inputs moved by up to N pixels), {@code --guide <classifier id, e.g. mnist-mlp>}
     * with {@code --guidance W}: never the LeNet, which measures class agreement.
     */
    private static GanRefinements refinements(DatasetId dataset, String[] args) {
        int shift = Integer.parseInt(option(args, "--shift", "0"));
        String guide = option(args, "--guide", "");
        double weight = Double.parseDouble(option(args, "--guidance", guide.isEmpty() ? "0" : "1"));
        if (guide.isEmpty()) {
            return new GanRefinements(shift, null, 0);
        }
        ClassifierId guideId = ClassifierId.parse(guide, 1);
        if (guideId.dataset() != dataset || guideId.equals(new ClassifierId(dataset, ClassifierArchitecture.LENET, 1))) {
            throw new IllegalArgumentException("The guide must be another classifier of " + dataset.slug()
                    + " than the LeNet v1 that measures class agreement, was " + guide);
        }
        return new GanRefinements(shift, new ClassifierPool(ClassifierFiles.loadShipped(guideId), 1), weight);
    }

    /** Judged by the dataset's shipped LeNet (its dense-500 features), else by its MLP (dense-256). */
    static Map<String, Object> measureQuality(ConditionalGan gan, long seed) {
        ClassifierId lenet = new ClassifierId(gan.dataset(), ClassifierArchitecture.LENET, 1);
        ClassifierId judge = ClassifierFiles.isShipped(lenet) ? lenet : new ClassifierId(gan.dataset(), ClassifierArchitecture.MLP, 1);
        int featureLayer = judge.architecture() == ClassifierArchitecture.LENET ? 4 : 1;
        DatasetSplit data = Datasets.load(gan.dataset());
        Map<String, Object> quality = new java.util.LinkedHashMap<>(GanQuality.measure(gan,
                new ClassifierPool(ClassifierFiles.loadShipped(judge), 1), featureLayer, data.test(), data.train(), 1_000, seed));
        quality.put("judge", judge.toString());
        return quality;
    }

    /** Ten samples of every class, the same latent vectors in every row. */
    static List<List<float[]>> sampleGrid(ConditionalGan gan) {
        List<List<float[]>> rows = new ArrayList<>();
        for (int c = 0; c < gan.dataset().classCount(); c++) {
            List<float[]> row = new ArrayList<>();
            for (int s = 0; s < 10; s++) {
                row.add(gan.sample(c, gan.latent(s)));
            }
            rows.add(row);
        }
        return rows;
    }
}
