package org.adversarialarena.ml.defense;

import static org.adversarialarena.ml.CommandLine.option;

import java.nio.file.Path;
import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.ml.data.Datasets;
import org.adversarialarena.ml.fastpath.FastPath;
import org.adversarialarena.ml.model.ClassifierFiles;
import org.adversarialarena.ml.model.ClassifierId;
import org.adversarialarena.ml.serve.ClassifierPool;

/**
 * Trains and saves the adversarial detector of a dataset against its shipped plain LeNet, e.g.
 * <pre>java ... org.adversarialarena.ml.defense.DetectorTrainerMain mnist --train-images 6000 --epochs 4</pre>
 */
public final class DetectorTrainerMain {

    private DetectorTrainerMain() {
    }

    public static void main(String[] args) {
        FastPath.install();
        if (args.length == 0 || args[0].startsWith("-")) {
            System.err.println("usage: DetectorTrainerMain <mnist|fashion-mnist> [--train-images 6000] [--epochs 4] [--batch 64]"
                    + " [--lr 0.001] [--epsilon 0.3|0.1] [--seed 1] [--evaluation-images 1000] [--out src/main/resources/models]");
            System.exit(2);
        }
        DatasetId dataset = DatasetId.fromSlug(args[0]);
        DetectorTrainer.Plan plan = new DetectorTrainer.Plan(
                Integer.parseInt(option(args, "--train-images", "6000")),
                Integer.parseInt(option(args, "--epochs", "4")),
                Integer.parseInt(option(args, "--batch", "64")),
                Double.parseDouble(option(args, "--lr", "0.001")),
                Float.parseFloat(option(args, "--epsilon", dataset == DatasetId.MNIST ? "0.3" : "0.1")),
                Long.parseLong(option(args, "--seed", "1")),
                Integer.parseInt(option(args, "--evaluation-images", "1000")));
        ClassifierPool victim = new ClassifierPool(ClassifierFiles.loadShipped(
                new ClassifierId(dataset, org.adversarialarena.ml.model.ClassifierArchitecture.LENET, 1)), 1);
        DetectorTrainer.TrainedDetector trained = new DetectorTrainer(System.out::println)
                .train(victim, Datasets.load(dataset), plan);
        Path folder = DetectorTrainer.save(trained, Path.of(option(args, "--out", "src/main/resources/models")));
        System.out.println(trained.metrics() + " -> " + folder);
    }
}
