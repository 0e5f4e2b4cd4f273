package org.adversarialarena.ml.train;

import static org.adversarialarena.ml.CommandLine.flag;
import static org.adversarialarena.ml.CommandLine.option;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.adversarialarena.ml.attack.RobustAccuracy;
import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.ml.data.DatasetSplit;
import org.adversarialarena.ml.data.Datasets;
import org.adversarialarena.ml.fastpath.FastPath;
import org.adversarialarena.ml.model.ClassifierFiles;
import org.adversarialarena.ml.model.ClassifierId;
import org.adversarialarena.ml.model.MetricsFiles;
import org.adversarialarena.ml.model.Networks;
import org.adversarialarena.ml.model.TrainingMethod;
import org.adversarialarena.ml.serve.ClassifierPool;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Retrains a classifier from scratch and writes its weights and metrics, e.g.
 * <pre>./mvnw -q exec:java -Dexec.mainClass=org.adversarialarena.ml.train.TrainerMain \
 *   -Dexec.args="mnist-lenet --epochs 15 --seed 1 --shift 2 --out src/main/resources/models"</pre>
 * Ctrl-C stops it between two steps.
 */
public final class TrainerMain {

    private TrainerMain() {
    }

    public static void main(String[] args) {
        FastPath.install();
        if (args.length == 0 || args[0].startsWith("-")) {
            System.err.println("usage: TrainerMain <dataset>-<lenet|mlp>[-madry|-fgsm|-trades] [--version 1] [--epochs 10] [--batch 64]"
                    + " [--seed 1] [--shift 0] [--lr 0.001] [--decay 1] [--out src/main/resources/models]"
                    + "\n  adversarial training: [--epsilon 0.3] [--steps 10] [--ramp 5] (ramp: epochs until ε is reached) [--beta 6] (TRADES)"
                    + "\n  robust accuracy of the result: [--robust-images 500] (first N test images; 0 skips)"
                    + "\n  [--measure-only]: only (re)measure the robust accuracy of the model saved under --out"
                    + "\n  [--data DIR]: train and measure on the full IDX set in DIR (train-* and t10k-* files) instead of the shipped split"
                    + "\n  [--hold-out-shipped-test]: with --data, train on DIR's training set without the shipped test images, and test on those"
                    + "\n  [--from FOLDER]: go on training the model saved in FOLDER (its network.zip) for --epochs more; it keeps"
                    + " its own learning-rate schedule, so --lr and --decay do not apply");
            System.exit(2);
        }
        ClassifierId id = ClassifierId.parse(args[0], Integer.parseInt(option(args, "--version", "1")));
        if (flag(args, "--measure-only")) {
            measureSaved(id, data(id, args), Path.of(option(args, "--out", "src/main/resources/models")),
                    Integer.parseInt(option(args, "--robust-images", "500")),
                    Float.parseFloat(option(args, "--epsilon", id.dataset() == DatasetId.MNIST ? "0.3" : "0.1")));
            return;
        }
        ClassifierTrainingPlan plan = new ClassifierTrainingPlan(
                Integer.parseInt(option(args, "--epochs", "10")),
                Integer.parseInt(option(args, "--batch", "64")),
                Long.parseLong(option(args, "--seed", "1")),
                Integer.parseInt(option(args, "--shift", "0")),
                Double.parseDouble(option(args, "--lr", String.valueOf(id.architecture().defaultLearningRate()))),
                Double.parseDouble(option(args, "--decay", "1")));
        Path out = Path.of(option(args, "--out", "src/main/resources/models"));

        Cancellation cancellation = new Cancellation();
        Runtime.getRuntime().addShutdownHook(new Thread(cancellation::cancel));
        long started = System.nanoTime();
        TrainingListener console = progress -> System.out.printf(Locale.ROOT, "%s step %d/%d (%.0f%%) epoch %.0f loss %.4f %.0fs%n",
                progress.model(), progress.step(), progress.totalSteps(), 100 * progress.fraction(),
                progress.metrics().get("epoch"), progress.loss(), (System.nanoTime() - started) / 1e9);
        float epsilon = Float.parseFloat(option(args, "--epsilon", id.dataset() == DatasetId.MNIST ? "0.3" : "0.1"));
        DatasetSplit data = data(id, args);
        AdversarialTraining method = new AdversarialTraining(id, epsilon, Integer.parseInt(option(args, "--steps", "10")),
                Integer.parseInt(option(args, "--ramp", "5")),
                Float.parseFloat(option(args, "--beta", String.valueOf(AdversarialTraining.DEFAULT_TRADES_BETA))));
        String from = option(args, "--from", "");
        ClassifierTrainer trainer = new ClassifierTrainer(console, cancellation);
        TrainedClassifier trained = from.isEmpty() ? trainer.train(id, data, plan, method::batchesFor)
                : trainer.train(id, data, plan, loadNetwork(Path.of(from)), method::batchesFor);
        Path folder = trained.save(out);
        if (id.method() != TrainingMethod.STANDARD) {
            MetricsFiles.add(folder, method.settings());
        }
        if (!from.isEmpty()) {
            // The plan's learning rate went unused: the continued network kept its own schedule, so record that.
            MetricsFiles.add(folder, Map.of("continuedFrom", from, "learningRateSchedule",
                    trained.network().getLayerWiseConfigurations().getConf(0).getLayer() instanceof BaseLayer layer
                            ? String.valueOf(layer.getIUpdater()) : "unknown"));
        }
        String directory = option(args, "--data", "");
        if (!directory.isEmpty()) {
            MetricsFiles.add(folder, Map.of("trainingData", "the full IDX set in " + directory
                    + (flag(args, "--hold-out-shipped-test")
                            ? ", without the shipped test split's images, which are its test images" : "")));
        }
        int robustImages = Integer.parseInt(option(args, "--robust-images", "500"));
        if (robustImages > 0) {
            referee(trained.network(), data, folder, robustImages, epsilon);
        }
        System.out.printf(Locale.ROOT, "%s: test accuracy %.4f on %d images, %.0f s, %.0f img/s -> %s%n", id,
                trained.testConfusion().accuracy(), trained.testConfusion().total(), trained.trainingTime().toMillis() / 1000.0,
                trained.imagesPerSecond(), folder);
    }

    /**
     * The shipped split, or the full set in {@code --data}: a model trained on the official 60,000 MNIST
     * digits must be judged on the official 10,000 test images, which the shipped split's are not.
     */
    private static DatasetSplit data(ClassifierId id, String[] args) {
        String directory = option(args, "--data", "");
        if (directory.isEmpty()) {
            return Datasets.load(id.dataset());
        }
        return flag(args, "--hold-out-shipped-test")
                ? Datasets.fullTrainingHoldingOutShippedTest(id.dataset(), Path.of(directory))
                : Datasets.load(id.dataset(), Path.of(directory));
    }

    /** Measures a saved model's robust accuracy with the referee and records it in its metrics.json. */
    private static void measureSaved(ClassifierId id, DatasetSplit data, Path root, int images, float epsilon) {
        Path folder = root.resolve(id.folder());
        referee(loadNetwork(folder), data, folder, images, epsilon);
    }

    private static MultiLayerNetwork loadNetwork(Path folder) {
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(folder.resolve(ClassifierFiles.NETWORK))) {
            return Networks.load(in, false);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Could not read " + folder, e);
        }
    }

    /** The referee's robust accuracy on the first {@code images} test images, and the time it took, into metrics.json. */
    private static void referee(MultiLayerNetwork network, DatasetSplit data, Path folder,
            int images, float epsilon) {
        long started = System.nanoTime();
        RobustAccuracy robust = RobustAccuracy.measure(new ClassifierPool(network, 1), data.test().firstImages(images),
                data.test().firstLabels(images), RobustAccuracy.referee(epsilon), 250);
        Map<String, Object> figures = new java.util.LinkedHashMap<>(robust.asMetrics(epsilon));
        figures.put("refereeSeconds", (System.nanoTime() - started) / 1e9);
        MetricsFiles.add(folder, Map.of("robustness", figures));
        System.out.println("robustness: " + figures);
    }
}
