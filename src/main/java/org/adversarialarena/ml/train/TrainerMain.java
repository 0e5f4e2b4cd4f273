package org.adversarialarena.ml.train;

import java.nio.file.Path;
import java.util.Locale;
import org.adversarialarena.ml.data.Datasets;
import org.adversarialarena.ml.model.ClassifierFiles;
import org.adversarialarena.ml.model.ClassifierId;

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
        if (args.length == 0 || args[0].startsWith("-")) {
            System.err.println("usage: TrainerMain <dataset>-<lenet|mlp> [--version 1] [--epochs 10] [--batch 64]"
                    + " [--seed 1] [--shift 0] [--lr 0.001] [--decay 1] [--out src/main/resources/models]");
            System.exit(2);
        }
        ClassifierId id = ClassifierId.parse(args[0], Integer.parseInt(option(args, "--version", "1")));
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
        TrainedClassifier trained = new ClassifierTrainer(console, cancellation).train(id, Datasets.load(id.dataset()), plan);
        Path folder = ClassifierFiles.save(trained, out);
        System.out.printf(Locale.ROOT, "%s: test accuracy %.4f on %d images, %.0f s, %.0f img/s -> %s%n", id,
                trained.testConfusion().accuracy(), trained.testConfusion().total(), trained.trainingTime().toMillis() / 1000.0,
                trained.imagesPerSecond(), folder);
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 1; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
