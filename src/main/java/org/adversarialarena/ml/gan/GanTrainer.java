package org.adversarialarena.ml.gan;

import java.util.Map;
import java.util.Random;
import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.ml.data.ImageBatches;
import org.adversarialarena.ml.data.ImageSet;
import org.adversarialarena.ml.fastpath.FastPath;
import org.adversarialarena.ml.image.ImagePixels;
import org.adversarialarena.ml.model.Networks;
import org.adversarialarena.ml.train.Cancellation;
import org.adversarialarena.ml.train.TrainingDivergedException;
import org.adversarialarena.ml.train.TrainingListener;
import org.adversarialarena.ml.train.TrainingProgress;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Trains a conditional GAN: k discriminator steps on real and generated images, then one generator
 * step, repeated.
 *
 * <p>How G learns through D: G and D stay two separate networks, and G's step takes D's gradient
 * with respect to its input images ({@code calculateGradients(...).getSecond()}, which leaves D's
 * weights alone) and feeds it into G's backpropagation as the error signal of G's last layer. The
 * alternative, a combined G+D network with D's layers frozen-with-backprop, needs D's weights
 * copied into it after every D step; this way nothing is copied, D's gradient is exactly the one D
 * would use, and each loss variant only changes which target and sign that gradient gets.
 */
public final class GanTrainer {

    private static final int REPORT_EVERY = 25;

    private final TrainingListener listener;
    private final Cancellation cancellation;

    public GanTrainer(TrainingListener listener, Cancellation cancellation) {
        this.listener = listener;
        this.cancellation = cancellation;
    }

    /** A fresh GAN for {@code dataset}, trained on {@code real}. */
    public ConditionalGan train(ImageSet real, GanTrainingOptions options) {
        ConditionalGan gan = newGan(real.dataset(), options);
        continueTraining(gan, real, options);
        return gan;
    }

    public static ConditionalGan newGan(DatasetId dataset, GanTrainingOptions options) {
        MultiLayerNetwork generator = Networks.createWithoutForwardCache(
                options.architecture().generator(options.seed(), options.generatorLearningRate()));
        MultiLayerNetwork discriminator = Networks.createWithoutForwardCache(options.architecture()
                .discriminator(options.seed() + 1, options.discriminatorLearningRate(), options.loss()));
        return new ConditionalGan(dataset, options.loss(), generator, discriminator);
    }

    /** Trains {@code gan} further for {@code options.iterations()} generator steps. */
    public void continueTraining(ConditionalGan gan, ImageSet real, GanTrainingOptions options) {
        continueTraining(gan, real, options, 1, GanIterationListener.none());
    }

    /**
     * Runs iterations {@code first} to {@code options.iterations()} of a run, e.g. from 501 after a checkpoint taken
     * at 500. Batches and latent draws of a resumed run are seeded from the seed and {@code first}, so the same
     * checkpoint always resumes the same way; a run from 1 draws exactly what {@link #train} draws.
     */
    public void continueTraining(ConditionalGan gan, ImageSet real, GanTrainingOptions options, int first,
            GanIterationListener iterations) {
        if (gan.loss() != options.loss()) {
            throw new IllegalArgumentException("This GAN's D was built for " + gan.loss() + ", not " + options.loss());
        }
        if (first < 1) {
            throw new IllegalArgumentException("Iterations count from 1, not " + first);
        }
        long seed = options.seed() + first - 1;
        Random random = new Random(seed);
        ImageBatches batches = real.batches(options.batchSize(), seed);
        for (int iteration = first; iteration <= options.iterations(); iteration++) {
            cancellation.throwIfCancelled();
            double discriminatorLoss = 0;
            for (int k = 0; k < options.discriminatorSteps(); k++) {
                if (!batches.hasNext()) {
                    batches.reset();
                }
                discriminatorLoss = discriminatorStep(gan, batches.next(), options, random);
            }
            double generatorSignal = generatorStep(gan, options, random, iteration);
            if (!Double.isFinite(discriminatorLoss) || !Double.isFinite(generatorSignal)) {
                throw new TrainingDivergedException("GAN diverged at iteration " + iteration + " (D loss "
                        + discriminatorLoss + ", G error signal " + generatorSignal + ")");
            }
            if (iteration % REPORT_EVERY == 0 || iteration == options.iterations()) {
                listener.onProgress(new TrainingProgress(gan.dataset().slug() + "-gan", iteration, options.iterations(),
                        discriminatorLoss, verdicts(gan, batches, random)));
            }
            iterations.afterIteration(gan, iteration, discriminatorLoss, generatorSignal);
        }
    }

    private double discriminatorStep(ConditionalGan gan, DataSet realBatch, GanTrainingOptions options, Random random) {
        int n = realBatch.numExamples();
        int[] realClasses = classesOf(realBatch.getLabels());
        int[] fakeClasses = randomClasses(n, gan.dataset().classCount(), random);
        INDArray fakes = gan.generator().output(ConditionalGan.generatorInput(latents(n, random), fakeClasses), true)
                .reshape(n, ImagePixels.COUNT);
        double realTarget = gan.loss() == GanLoss.WASSERSTEIN ? gan.loss().realTarget()
                : options.realLabel() * gan.loss().realTarget();
        INDArray features = Nd4j.vstack(realBatch.getFeatures(), fakes);
        INDArray targets = Nd4j.vstack(filled(n, realTarget), filled(n, gan.loss().fakeTarget()));
        INDArray mask = Nd4j.vstack(ConditionalGan.oneHot(realClasses), ConditionalGan.oneHot(fakeClasses));
        FastPath.fit(gan.discriminator(), new DataSet(features, targets, null, mask));
        if (gan.loss() == GanLoss.WASSERSTEIN) {
            INDArray parameters = gan.discriminator().params();
            parameters.assign(Transforms.max(Transforms.min(parameters, options.weightClip(), true),
                    -options.weightClip(), false));
        }
        return gan.discriminator().score();
    }

    private double generatorStep(ConditionalGan gan, GanTrainingOptions options, Random random, int iteration) {
        int n = options.batchSize();
        int[] classes = randomClasses(n, gan.dataset().classCount(), random);
        MultiLayerNetwork generator = gan.generator();
        generator.setInput(ConditionalGan.generatorInput(latents(n, random), classes));
        INDArray output = generator.feedForward(true, false).getLast();
        INDArray fakes = output.reshape(n, ImagePixels.COUNT);

        Pair<Gradient, INDArray> throughD = gan.discriminator().calculateGradients(fakes,
                filled(n, gan.loss().generatorTarget()), null, ConditionalGan.oneHot(classes));
        // calculateGradients leaves the label mask on D's layers; a later output() of another batch size would trip on it.
        gan.discriminator().clearLayerMaskArrays();
        INDArray errorAtImages = throughD.getSecond().reshape(output.shape()).muli(gan.loss().generatorGradientSign());

        Pair<Gradient, INDArray> backprop = generator.backpropGradient(errorAtImages, LayerWorkspaceMgr.noWorkspaces());
        Gradient gradient = backprop.getFirst();
        generator.getUpdater().update(generator, gradient, iteration, 0, n, LayerWorkspaceMgr.noWorkspaces());
        generator.params().subi(gradient.gradient());
        return errorAtImages.sumNumber().doubleValue();
    }

    /** Mean D(x) on a real batch and mean D(G(z)) on as many fakes: the two numbers a GAN is watched by. */
    private static Map<String, Double> verdicts(ConditionalGan gan, ImageBatches batches, Random random) {
        if (!batches.hasNext()) {
            batches.reset();
        }
        DataSet real = batches.next();
        int n = real.numExamples();
        int[] fakeClasses = randomClasses(n, gan.dataset().classCount(), random);
        INDArray fakes = gan.generate(latents(n, random), fakeClasses);
        return Map.of("meanDReal", mean(gan.realness(real.getFeatures(), classesOf(real.getLabels()))),
                "meanDFake", mean(gan.realness(fakes, fakeClasses)));
    }

    private static double mean(float[] values) {
        double sum = 0;
        for (float value : values) {
            sum += value;
        }
        return sum / values.length;
    }

    private static INDArray latents(int n, Random random) {
        float[] z = new float[n * GanArchitecture.LATENT_SIZE];
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) random.nextGaussian();
        }
        return Nd4j.create(z, new long[] {n, GanArchitecture.LATENT_SIZE}, 'c');
    }

    private static int[] randomClasses(int n, int classCount, Random random) {
        int[] classes = new int[n];
        for (int i = 0; i < n; i++) {
            classes[i] = random.nextInt(classCount);
        }
        return classes;
    }

    private static int[] classesOf(INDArray oneHotLabels) {
        return oneHotLabels.argMax(1).toIntVector();
    }

    private static INDArray filled(int n, double value) {
        return Nd4j.valueArrayOf(new long[] {n, GanArchitecture.CLASSES}, value, DataType.FLOAT);
    }
}
