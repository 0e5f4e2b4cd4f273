package org.adversarialarena.ml.defense;

import static org.adversarialarena.ml.CommandLine.option;

import java.nio.file.Path;
import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.ml.data.DatasetSplit;
import org.adversarialarena.ml.data.Datasets;
import org.adversarialarena.ml.fastpath.FastPath;
import org.adversarialarena.ml.model.ClassifierFiles;
import org.adversarialarena.ml.model.ClassifierId;
import org.adversarialarena.ml.serve.ClassifierPool;

/**
 * Trains and saves the adversarial detector of a dataset against its shipped plain LeNet, e.g.
 * <pre>java ... org.adversarialarena.ml.defense.DetectorTrainerMain mnist --version 2 --train-images 6000 --epochs 4</pre>
 * Version 1 saw gradient attacks only; from version 2 on the training players' brush strokes are added
 * ({@code --hand-edits false} leaves them out). {@code --measure-shipped N} only measures shipped version N
 * against every edit kind, so versions compare on the same images. {@code --played-edits} adds real players'
 * stored attempts (exported as docs/robustness.md shows): even player ids train, odd ones are measured.
 */
public final class DetectorTrainerMain {

    private DetectorTrainerMain() {
    }

    public static void main(String[] args) {
        FastPath.install();
        if (args.length == 0 || args[0].startsWith("-")) {
            System.err.println("usage: DetectorTrainerMain <mnist|fashion-mnist> [--version 2] [--hand-edits true]"
                    + " [--train-images 6000] [--epochs 4] [--batch 64] [--lr 0.001] [--epsilon 0.3|0.1] [--seed 1]"
                    + " [--evaluation-images 1000] [--out src/main/resources/models] [--measure-shipped N] [--played-edits attempts.csv]");
            System.exit(2);
        }
        DatasetId dataset = DatasetId.fromSlug(args[0]);
        int version = Integer.parseInt(option(args, "--version", "2"));
        float epsilon = Float.parseFloat(option(args, "--epsilon", dataset == DatasetId.MNIST ? "0.3" : "0.1"));
        int evaluationImages = Integer.parseInt(option(args, "--evaluation-images", "1000"));
        ClassifierPool victim = new ClassifierPool(ClassifierFiles.loadShipped(
                new ClassifierId(dataset, org.adversarialarena.ml.model.ClassifierArchitecture.LENET, 1)), 1);
        String measured = option(args, "--measure-shipped", "");
        if (!measured.isEmpty()) {
            DatasetSplit test = Datasets.load(dataset);
            System.out.println(DetectionRates.measure(AdversarialDetector.loadShipped(dataset, Integer.parseInt(measured)),
                    victim, test.test().firstImages(evaluationImages), test.test().firstLabels(evaluationImages),
                    DetectionRates.everyEditKind(epsilon)).asMetrics());
            return;
        }
        DetectorTrainer.Plan plan = new DetectorTrainer.Plan(version,
                Integer.parseInt(option(args, "--train-images", "6000")),
                Integer.parseInt(option(args, "--epochs", "4")),
                Integer.parseInt(option(args, "--batch", "64")),
                Double.parseDouble(option(args, "--lr", "0.001")),
                epsilon,
                Long.parseLong(option(args, "--seed", "1")),
                evaluationImages,
                Boolean.parseBoolean(option(args, "--hand-edits", String.valueOf(version >= 2))));
        String export = option(args, "--played-edits", "");
        PlayedEdits played = export.isEmpty() ? PlayedEdits.none() : PlayedEdits.read(Path.of(export), dataset);
        DatasetSplit data = Datasets.load(dataset);
        Path out = Path.of(option(args, "--out", "src/main/resources/models"));
        DetectorTrainer.TrainedDetector trained = new DetectorTrainer(System.out::println).train(victim, data, plan, played);
        System.out.println("saved before measuring -> " + DetectorTrainer.save(trained, out));
        DetectorTrainer.TrainedDetector rated = DetectorTrainer.withDetectionRates(trained, victim, data, plan, played);
        System.out.println(rated.metrics() + " -> " + DetectorTrainer.save(rated, out));
    }
}
