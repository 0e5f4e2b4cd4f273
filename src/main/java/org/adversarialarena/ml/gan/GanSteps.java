package org.adversarialarena.ml.gan;

import java.util.Map;
import java.util.Random;
import org.adversarialarena.ml.data.ImageBatches;
import org.adversarialarena.ml.data.ImageSet;
import org.adversarialarena.ml.fastpath.FastPath;
import org.adversarialarena.ml.image.ImagePixels;
import org.adversarialarena.ml.metrics.Mean;
import org.adversarialarena.ml.serve.ClassifierPool;
import org.adversarialarena.ml.train.TrainingDivergedException;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.jspecify.annotations.Nullable;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * One GAN run's steps, one at a time: a discriminator step, a generator step, or a whole iteration
 * (k D steps, then one G step). {@link GanTrainer} loops over whole iterations; the Lab also takes
 * single D or G steps. Batches and latent draws come from the seed and the first iteration, in the
 * order the trainer always drew them.
 *
 * <p>How G learns through D: G and D stay two separate networks, and G's step takes D's gradient
 * with respect to its input images ({@code calculateGradients(...).getSecond()}, which leaves D's
 * weights alone) and feeds it into G's backpropagation as the error signal of G's last layer.
 *
 * <p>The losses DL4J has no output layer for are written as D's linear (Wasserstein) loss with a
 * weight per row, since that loss's gradient at a row is its target: the hinge sets each row's
 * weight from D's current score (zero where the hinge is flat), and WGAN-GP adds, for each point
 * x̂ between a real and a generated image, two rows at x̂ ± h·u (u the unit direction of ∇ₓD(x̂))
 * whose weights ±λ(‖∇ₓD(x̂)‖ − 1)/h make their weight gradients a central difference of the
 * penalty's gradient.
 */
public final class GanSteps {

    /** The finite-difference step of WGAN-GP's penalty gradient, in pixel units along a unit direction. */
    static final double PENALTY_STEP = 0.01;

    private final ConditionalGan gan;
    private final GanTrainingOptions options;
    private final ImageBatches batches;
    private final Random random;
    private final GanRefinements refinements;
    private final @Nullable Random shifts;
    private int iteration;

    public GanSteps(ConditionalGan gan, ImageSet real, GanTrainingOptions options, int first) {
        this(gan, real, options, first, GanRefinements.NONE);
    }

    /** Steps with {@code refinements}: shifted D inputs and/or class guidance of G. */
    public GanSteps(ConditionalGan gan, ImageSet real, GanTrainingOptions options, int first, GanRefinements refinements) {
        if (gan.loss() != options.loss()) {
            throw new IllegalArgumentException("This GAN's D was built for " + gan.loss() + ", not " + options.loss());
        }
        if (first < 1) {
            throw new IllegalArgumentException("Iterations count from 1, not " + first);
        }
        this.gan = gan;
        this.options = options;
        long seed = options.seed() + first - 1;
        this.random = new Random(seed);
        this.batches = real.batches(options.batchSize(), seed);
        this.iteration = first;
        this.refinements = refinements;
        // Its own random stream, so a run without shifts draws exactly the batches and latents it always drew.
        this.shifts = refinements.maxShift() > 0 ? new Random(seed + 7_919) : null;
    }

    /** The iteration the next generator step completes. */
    public int nextIteration() {
        return iteration;
    }

    public ConditionalGan gan() {
        return gan;
    }

    /** D's loss in the last of its k steps and the sum of the error signal G received. */
    public record Losses(double discriminator, double generator) {
    }

    /**
     * One iteration: k D steps, then one G step.
     *
     * @throws TrainingDivergedException if a loss is NaN or infinite
     */
    public Losses iterate() {
        int completing = iteration;
        double discriminatorLoss = 0;
        for (int k = 0; k < options.discriminatorSteps(); k++) {
            discriminatorLoss = discriminatorStep();
        }
        double generatorSignal = generatorStep();
        if (!Double.isFinite(discriminatorLoss) || !Double.isFinite(generatorSignal)) {
            throw new TrainingDivergedException("GAN diverged at iteration " + completing + " (D loss "
                    + discriminatorLoss + ", G error signal " + generatorSignal + ")");
        }
        return new Losses(discriminatorLoss, generatorSignal);
    }

    /** One discriminator step on a real batch and as many fakes; D's loss before the step. */
    public double discriminatorStep() {
        if (!batches.hasNext()) {
            batches.reset();
        }
        DataSet realBatch = batches.next();
        int n = realBatch.numExamples();
        int[] realClasses = classesOf(realBatch.getLabels());
        int[] fakeClasses = randomClasses(n);
        INDArray fakes = gan.generator().output(ConditionalGan.generatorInput(latents(n), fakeClasses), true)
                .reshape(n, ImagePixels.COUNT);
        INDArray real = moved(realBatch.getFeatures(), randomMoves(n), 1);
        fakes = moved(fakes, randomMoves(n), 1);
        return switch (gan.loss()) {
            case HINGE -> hingeStep(real, realClasses, fakes, fakeClasses);
            case WGAN_GP -> penaltyStep(real, realClasses, fakes, fakeClasses);
            default -> targetStep(real, realClasses, fakes, fakeClasses);
        };
    }

    /** One generator step through D; completes the current iteration. The sum of the error signal G received. */
    public double generatorStep() {
        int n = options.batchSize();
        int[] classes = randomClasses(n);
        MultiLayerNetwork generator = gan.generator();
        generator.setInput(ConditionalGan.generatorInput(latents(n), classes));
        INDArray output = generator.feedForward(true, false).getLast();
        INDArray fakes = output.reshape(n, ImagePixels.COUNT);
        // D judges G's images moved as in its own steps (DiffAugment's rule: augmenting D's inputs only in D's
        // steps let G collapse here); a move is linear, so D's gradient is moved back onto G's pixels.
        int[][] moves = randomMoves(n);
        INDArray judged = moved(fakes, moves, 1);

        Pair<Gradient, INDArray> throughD = gan.discriminator().calculateGradients(judged,
                filled(n, gan.loss().generatorTarget()), null, ConditionalGan.oneHot(classes));
        // calculateGradients leaves the label mask on D's layers; a later output() of another batch size would trip on it.
        gan.discriminator().clearLayerMaskArrays();
        INDArray errorAtImages = moved(throughD.getSecond().reshape(n, ImagePixels.COUNT), moves, -1)
                .reshape(output.shape()).muli(gan.loss().generatorGradientSign());
        if (refinements.guides()) {
            errorAtImages.addi(guidance(fakes, classes).reshape(output.shape()));
        }

        Pair<Gradient, INDArray> backprop = generator.backpropGradient(errorAtImages, LayerWorkspaceMgr.noWorkspaces());
        Gradient gradient = backprop.getFirst();
        generator.getUpdater().update(generator, gradient, iteration, 0, n, LayerWorkspaceMgr.noWorkspaces());
        generator.params().subi(gradient.gradient());
        iteration++;
        return errorAtImages.sumNumber().doubleValue();
    }

    /**
     * The guide classifier's cross-entropy gradient for the requested classes, times the guidance
     * weight: descending it makes each image more clearly of its class (in the guide's eyes).
     */
    private INDArray guidance(INDArray fakes, int[] classes) {
        ClassifierPool guide = java.util.Objects.requireNonNull(refinements.guide());
        float[][] gradients = guide.inputGradients(fakes.toFloatMatrix(), classes);
        return Nd4j.create(gradients).muli(refinements.guidanceWeight());
    }

    /** A random move (rows down, columns right) per image when shift augmentation is on, else none. */
    private int @Nullable [][] randomMoves(int n) {
        if (shifts == null) {
            return null;
        }
        int span = 2 * refinements.maxShift() + 1;
        int[][] moves = new int[n][];
        for (int i = 0; i < n; i++) {
            moves[i] = new int[] {shifts.nextInt(span) - refinements.maxShift(), shifts.nextInt(span) - refinements.maxShift()};
        }
        return moves;
    }

    /** Each row moved by its move times {@code direction} (−1 undoes a move, which is also its adjoint). */
    private static INDArray moved(INDArray images, int @Nullable [][] moves, int direction) {
        if (moves == null) {
            return images;
        }
        float[][] rows = images.toFloatMatrix();
        for (int i = 0; i < rows.length; i++) {
            rows[i] = ImagePixels.shifted(rows[i], direction * moves[i][0], direction * moves[i][1]);
        }
        return Nd4j.create(rows);
    }

    /** Mean D(x) on a real batch and mean D(G(z)) on as many fakes: the two numbers a GAN is watched by. */
    public Map<String, Double> verdicts() {
        if (!batches.hasNext()) {
            batches.reset();
        }
        DataSet real = batches.next();
        int n = real.numExamples();
        int[] fakeClasses = randomClasses(n);
        INDArray fakes = gan.generate(latents(n), fakeClasses);
        return Map.of("meanDReal", Mean.of(gan.realness(real.getFeatures(), classesOf(real.getLabels()))),
                "meanDFake", Mean.of(gan.realness(fakes, fakeClasses)));
    }

    /** The classes G is asked for: drawn at random, or all 0 for an unconditional GAN. */
    private int[] randomClasses(int n) {
        int[] classes = new int[n];
        if (options.conditional()) {
            for (int i = 0; i < n; i++) {
                classes[i] = random.nextInt(gan.dataset().classCount());
            }
        }
        return classes;
    }

    private int[] classesOf(INDArray oneHotLabels) {
        return options.conditional() ? oneHotLabels.argMax(1).toIntVector() : new int[(int) oneHotLabels.rows()];
    }

    /** The probabilistic and least-squares losses and WGAN: fixed targets for real and fake. */
    private double targetStep(INDArray real, int[] realClasses, INDArray fakes, int[] fakeClasses) {
        int n = realClasses.length;
        GanLoss loss = gan.loss();
        double realTarget = loss.linearCritic() ? loss.realTarget() : options.realLabel() * loss.realTarget();
        INDArray features = Nd4j.vstack(real, fakes);
        INDArray targets = Nd4j.vstack(filled(n, realTarget), filled(n, loss.fakeTarget()));
        INDArray mask = Nd4j.vstack(ConditionalGan.oneHot(realClasses), ConditionalGan.oneHot(fakeClasses));
        FastPath.fit(gan.discriminator(), new DataSet(features, targets, null, mask));
        if (loss == GanLoss.WASSERSTEIN) {
            INDArray parameters = gan.discriminator().params();
            parameters.assign(Transforms.max(Transforms.min(parameters, options.weightClip(), true),
                    -options.weightClip(), false));
        }
        return gan.discriminator().score();
    }

    /** max(0, 1 − D(x)) + max(0, 1 + D(G(z))): each row pushed only while its hinge is not yet flat. */
    private double hingeStep(INDArray real, int[] realClasses, INDArray fakes, int[] fakeClasses) {
        int n = realClasses.length;
        INDArray features = Nd4j.vstack(real, fakes);
        int[] classes = concat(realClasses, fakeClasses);
        float[] scores = scoresAt(features, classes);
        float[] weights = new float[2 * n];
        double loss = 0;
        for (int i = 0; i < 2 * n; i++) {
            boolean isReal = i < n;
            double margin = isReal ? 1 - scores[i] : 1 + scores[i];
            loss += Math.max(0, margin) / n;
            // Two sets of n rows share one mean over 2n rows: weights of 2 give each set its own mean.
            weights[i] = margin > 0 ? (isReal ? -2f : 2f) : 0f;
        }
        fitWeighted(features, weights, classes);
        return loss;
    }

    /** WGAN-GP's critic step: mean D(G(z)) − mean D(x) + λ mean (‖∇ₓD(x̂)‖ − 1)². */
    private double penaltyStep(INDArray real, int[] realClasses, INDArray fakes, int[] fakeClasses) {
        int n = realClasses.length;
        INDArray mix = Nd4j.create(DataType.FLOAT, n, 1);
        for (int i = 0; i < n; i++) {
            mix.putScalar(i, 0, random.nextFloat());
        }
        INDArray between = real.mulColumnVector(mix).addi(fakes.mulColumnVector(mix.rsub(1)));
        INDArray slopes = inputGradients(between, realClasses);
        INDArray norms = slopes.norm2(1).reshape(n, 1);
        INDArray directions = slopes.divColumnVector(norms.add(1e-12));
        INDArray above = between.add(directions.mul(PENALTY_STEP));
        INDArray below = between.sub(directions.mul(PENALTY_STEP));

        INDArray judged = Nd4j.vstack(real, fakes);
        float[] scores = scoresAt(judged, concat(realClasses, fakeClasses));
        double critic = 0;
        for (int i = 0; i < 2 * n; i++) {
            critic += (i < n ? -scores[i] : scores[i]) / n;
        }
        float[] normValues = norms.toFloatVector();
        double penalty = 0;
        // Four sets of n rows share one mean over 4n rows: weights are 4 × each row's coefficient.
        float[] weights = new float[4 * n];
        for (int i = 0; i < n; i++) {
            double excess = normValues[i] - 1;
            penalty += GanTrainingOptions.GRADIENT_PENALTY * excess * excess / n;
            float difference = (float) (4 * GanTrainingOptions.GRADIENT_PENALTY * excess / PENALTY_STEP);
            weights[i] = -4f;
            weights[n + i] = 4f;
            weights[2 * n + i] = difference;
            weights[3 * n + i] = -difference;
        }
        fitWeighted(Nd4j.vstack(real, fakes, above, below), weights,
                concat(concat(realClasses, fakeClasses), concat(realClasses, realClasses)));
        return critic + penalty;
    }

    /** ∇ₓD(x) at each image's class. The linear loss divides its gradient by D's outputs; multiplied back here. */
    private INDArray inputGradients(INDArray images, int[] classes) {
        MultiLayerNetwork critic = gan.discriminator();
        INDArray gradients = critic.calculateGradients(images, filled(classes.length, 1), null,
                ConditionalGan.oneHot(classes)).getSecond().reshape(classes.length, ImagePixels.COUNT);
        critic.clearLayerMaskArrays();
        return gradients.mul(GanArchitecture.CLASSES);
    }

    private float[] scoresAt(INDArray images, int[] classes) {
        INDArray scores = gan.discriminator().output(images, false);
        float[] atClass = new float[classes.length];
        for (int i = 0; i < classes.length; i++) {
            atClass[i] = scores.getFloat(i, classes[i]);
        }
        return atClass;
    }

    /** One D step whose gradient is Σ weightᵢ ∇D(xᵢ) / rows: the linear loss's gradient at a row is its target. */
    private void fitWeighted(INDArray features, float[] weights, int[] classes) {
        INDArray targets = Nd4j.create(weights, new long[] {weights.length, 1}, 'c')
                .repeat(1, GanArchitecture.CLASSES);
        FastPath.fit(gan.discriminator(), new DataSet(features, targets, null, ConditionalGan.oneHot(classes)));
    }

    private INDArray latents(int n) {
        int size = gan.latentSize();
        float[] z = new float[n * size];
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) random.nextGaussian();
        }
        return Nd4j.create(z, new long[] {n, size}, 'c');
    }

    private static int[] concat(int[] first, int[] second) {
        int[] both = new int[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    private static INDArray filled(int n, double value) {
        return Nd4j.valueArrayOf(new long[] {n, GanArchitecture.CLASSES}, value, DataType.FLOAT);
    }
}
