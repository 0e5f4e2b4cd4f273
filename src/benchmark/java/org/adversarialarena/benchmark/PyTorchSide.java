package org.adversarialarena.benchmark;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.Random;

/**
 * The same figures for the same networks in PyTorch 2.7 through DJL: LeNet (conv 5×5×20 → max-pool
 * → conv 5×5×50 → max-pool → dense 500 → 10) with Adam, and the conditional MLP GAN of our trainer
 * (G: 74→256→512→784, D: 784→512→256→10 read at the image's class, non-saturating loss).
 */
final class PyTorchSide implements AutoCloseable {

    private final Workload work;
    private final NDManager manager = NDManager.newBaseManager("PyTorch");

    PyTorchSide(Workload work) {
        this.work = work;
    }

    static Block leNet() {
        return new SequentialBlock()
                .add(Conv2d.builder().setKernelShape(new Shape(5, 5)).setFilters(20).build())
                .add(Activation::relu)
                .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
                .add(Conv2d.builder().setKernelShape(new Shape(5, 5)).setFilters(50).build())
                .add(Activation::relu)
                .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(500).build())
                .add(Activation::relu)
                .add(Linear.builder().setUnits(10).build());
    }

    double trainingImagesPerSecond(int warmup, int runs) {
        try (Model model = Model.newInstance("lenet", "PyTorch")) {
            model.setBlock(leNet());
            try (Trainer trainer = model.newTrainer(adam(1e-3f, Loss.softmaxCrossEntropyLoss()))) {
                trainer.initialize(new Shape(Workload.BATCH, 1, 28, 28));
                int[] next = {0};
                double[] ms = Timer.latenciesMs(warmup, runs, () -> {
                    int b = next[0]++ % Workload.BATCHES;
                    try (NDManager step = manager.newSubManager()) {
                        NDArray x = step.create(work.batchPixels[b], new Shape(Workload.BATCH, 1, 28, 28));
                        NDArray y = step.create(work.batchLabels[b]);
                        try (GradientCollector collector = trainer.newGradientCollector()) {
                            NDArray prediction = trainer.forward(new NDList(x)).singletonOrThrow();
                            collector.backward(trainer.getLoss().evaluate(new NDList(y), new NDList(prediction)));
                        }
                        trainer.step();
                    }
                });
                return Timer.rate(ms, Workload.BATCH);
            }
        }
    }

    double[] singleInferenceMs(int warmup, int runs) {
        return withInitialisedLeNet((block, parameters) -> Timer.latenciesMs(warmup, runs, () -> {
            try (NDManager call = manager.newSubManager()) {
                NDArray x = call.create(work.singleImage, new Shape(1, 1, 28, 28));
                block.forward(parameters, new NDList(x), false).singletonOrThrow().getFloat(0, 0);
            }
        }));
    }

    double batchInferenceImagesPerSecond(int warmup, int runs) {
        return withInitialisedLeNet((block, parameters) -> {
            int[] next = {0};
            double[] ms = Timer.latenciesMs(warmup, runs, () -> {
                try (NDManager call = manager.newSubManager()) {
                    NDArray x = call.create(work.batchPixels[next[0]++ % Workload.BATCHES], new Shape(Workload.BATCH, 1, 28, 28));
                    block.forward(parameters, new NDList(x), false).singletonOrThrow().getFloat(0, 0);
                }
            });
            return new double[] {Timer.rate(ms, Workload.BATCH)};
        })[0];
    }

    double[] inputGradientMs(int warmup, int runs) {
        Loss loss = Loss.softmaxCrossEntropyLoss();
        return withInitialisedLeNet((block, parameters) -> Timer.latenciesMs(warmup, runs, () -> {
            try (NDManager call = manager.newSubManager()) {
                NDArray x = call.create(work.singleImage, new Shape(1, 1, 28, 28));
                x.setRequiresGradient(true);
                NDArray y = call.create(new int[] {work.singleLabel});
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    NDArray prediction = block.forward(parameters, new NDList(x), true).singletonOrThrow();
                    collector.backward(loss.evaluate(new NDList(y), new NDList(prediction)));
                }
                x.getGradient().getFloat(0, 0, 0, 0);
            }
        }));
    }

    double ganIterationsPerSecond(int warmup, int runs) {
        try (Model generatorModel = Model.newInstance("generator", "PyTorch");
                Model discriminatorModel = Model.newInstance("discriminator", "PyTorch")) {
            generatorModel.setBlock(new SequentialBlock()
                    .add(Linear.builder().setUnits(256).build()).add(x -> Activation.leakyRelu(x, 0.2f))
                    .add(Linear.builder().setUnits(512).build()).add(x -> Activation.leakyRelu(x, 0.2f))
                    .add(Linear.builder().setUnits(784).build()).add(Activation::sigmoid));
            discriminatorModel.setBlock(new SequentialBlock()
                    .add(Linear.builder().setUnits(512).build()).add(x -> Activation.leakyRelu(x, 0.2f))
                    .add(Linear.builder().setUnits(256).build()).add(x -> Activation.leakyRelu(x, 0.2f))
                    .add(Linear.builder().setUnits(10).build()));
            Loss bce = Loss.sigmoidBinaryCrossEntropyLoss();
            try (Trainer generator = generatorModel.newTrainer(adam(2e-4f, bce));
                    Trainer discriminator = discriminatorModel.newTrainer(adam(2e-4f, bce))) {
                generator.initialize(new Shape(Workload.BATCH, 74));
                discriminator.initialize(new Shape(Workload.BATCH, 784));
                Random random = new Random(1);
                int[] next = {0};
                double[] ms = Timer.latenciesMs(warmup, runs, () -> {
                    int b = next[0]++ % Workload.BATCHES;
                    try (NDManager step = manager.newSubManager()) {
                        NDArray real = step.create(work.batchPixels[b], new Shape(Workload.BATCH, 784));
                        NDArray realClasses = step.create(work.batchLabels[b]).oneHot(10);
                        NDArray fakeClasses = randomOneHot(step, random);
                        NDArray fakes = generator.forward(new NDList(latentWith(step, fakeClasses))).singletonOrThrow();
                        try (GradientCollector collector = discriminator.newGradientCollector()) {
                            NDArray realLogits = discriminator.forward(new NDList(real)).singletonOrThrow().mul(realClasses).sum(new int[] {1});
                            NDArray fakeLogits = discriminator.forward(new NDList(fakes.stopGradient())).singletonOrThrow()
                                    .mul(fakeClasses).sum(new int[] {1});
                            NDArray lossD = bce.evaluate(new NDList(step.full(new Shape(Workload.BATCH), 0.9f)), new NDList(realLogits))
                                    .add(bce.evaluate(new NDList(step.zeros(new Shape(Workload.BATCH))), new NDList(fakeLogits)));
                            collector.backward(lossD);
                        }
                        discriminator.step();
                        NDArray classes = randomOneHot(step, random);
                        try (GradientCollector collector = generator.newGradientCollector()) {
                            NDArray made = generator.forward(new NDList(latentWith(step, classes))).singletonOrThrow();
                            NDArray logits = discriminator.forward(new NDList(made)).singletonOrThrow().mul(classes).sum(new int[] {1});
                            collector.backward(bce.evaluate(new NDList(step.ones(new Shape(Workload.BATCH))), new NDList(logits)));
                        }
                        generator.step();
                    }
                });
                return 1000.0 * ms.length / java.util.Arrays.stream(ms).sum();
            }
        }
    }

    @Override
    public void close() {
        manager.close();
    }

    private interface LeNetWork<T> {
        T run(Block block, ParameterStore parameters);
    }

    private <T> T withInitialisedLeNet(LeNetWork<T> work) {
        try (Model model = Model.newInstance("lenet-inference", "PyTorch")) {
            Block block = leNet();
            model.setBlock(block);
            block.initialize(model.getNDManager(), ai.djl.ndarray.types.DataType.FLOAT32, new Shape(1, 1, 28, 28));
            return work.run(block, new ParameterStore(model.getNDManager(), false));
        }
    }

    private static NDArray randomOneHot(NDManager manager, Random random) {
        int[] classes = new int[Workload.BATCH];
        for (int i = 0; i < classes.length; i++) {
            classes[i] = random.nextInt(10);
        }
        return manager.create(classes).oneHot(10);
    }

    private static NDArray latentWith(NDManager manager, NDArray oneHot) {
        return manager.randomNormal(new Shape(Workload.BATCH, 64)).concat(oneHot, 1);
    }

    private static DefaultTrainingConfig adam(float learningRate, Loss loss) {
        return new DefaultTrainingConfig(loss)
                .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(learningRate)).build());
    }
}
