package org.adversarialarena.benchmark;

import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.ml.data.Datasets;
import org.adversarialarena.ml.fastpath.FastPath;
import org.adversarialarena.ml.gan.ConditionalGan;
import org.adversarialarena.ml.gan.GanArchitecture;
import org.adversarialarena.ml.gan.GanTrainer;
import org.adversarialarena.ml.gan.GanTrainingOptions;
import org.adversarialarena.ml.model.LeNet;
import org.adversarialarena.ml.train.Cancellation;
import org.adversarialarena.ml.train.TrainingListener;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/** The figures for our own DL4J code paths: LeNet as the app builds it, the GAN trainer as the app runs it. */
final class Dl4jSide {

    private final Workload work;
    private final INDArray[] features;
    private final INDArray[] labels;

    Dl4jSide(Workload work) {
        this.work = work;
        features = new INDArray[Workload.BATCHES];
        labels = new INDArray[Workload.BATCHES];
        for (int b = 0; b < Workload.BATCHES; b++) {
            features[b] = Nd4j.create(work.batchPixels[b], new long[] {Workload.BATCH, 784}, 'c');
            labels[b] = oneHot(work.batchLabels[b]);
        }
    }

    double trainingImagesPerSecond(int warmup, int runs) {
        MultiLayerNetwork network = LeNet.newNetwork(1);
        int[] next = {0};
        double[] ms = Timer.latenciesMs(warmup, runs, () -> {
            int b = next[0]++ % Workload.BATCHES;
            FastPath.fit(network, new DataSet(features[b], labels[b]));
        });
        return Timer.rate(ms, Workload.BATCH);
    }

    double[] singleInferenceMs(int warmup, int runs) {
        MultiLayerNetwork network = LeNet.newNetwork(1);
        INDArray image = Nd4j.create(work.singleImage, new long[] {1, 784}, 'c');
        return Timer.latenciesMs(warmup, runs, () -> network.output(image, false).getFloat(0));
    }

    double batchInferenceImagesPerSecond(int warmup, int runs) {
        MultiLayerNetwork network = LeNet.newNetwork(1);
        int[] next = {0};
        double[] ms = Timer.latenciesMs(warmup, runs,
                () -> network.output(features[next[0]++ % Workload.BATCHES], false).getFloat(0));
        return Timer.rate(ms, Workload.BATCH);
    }

    double[] inputGradientMs(int warmup, int runs) {
        MultiLayerNetwork network = LeNet.newNetwork(1);
        INDArray image = Nd4j.create(work.singleImage, new long[] {1, 784}, 'c');
        INDArray label = oneHot(new int[] {work.singleLabel});
        return Timer.latenciesMs(warmup, runs,
                () -> network.calculateGradients(image, label, null, null).getSecond().getFloat(0));
    }

    double ganIterationsPerSecond(int warmup, int runs) {
        GanTrainingOptions options = GanTrainingOptions.defaults(GanArchitecture.MLP, warmup, 1);
        ConditionalGan gan = GanTrainer.newGan(DatasetId.MNIST, options);
        GanTrainer trainer = new GanTrainer(TrainingListener.none(), Cancellation.none());
        var real = Datasets.load(DatasetId.MNIST).train();
        trainer.continueTraining(gan, real, options);
        long start = System.nanoTime();
        trainer.continueTraining(gan, real, options.withIterations(runs));
        return runs / ((System.nanoTime() - start) / 1e9);
    }

    private static INDArray oneHot(int[] classes) {
        INDArray oneHot = Nd4j.zeros(DataType.FLOAT, classes.length, 10);
        for (int i = 0; i < classes.length; i++) {
            oneHot.putScalar(i, classes[i], 1f);
        }
        return oneHot;
    }
}
