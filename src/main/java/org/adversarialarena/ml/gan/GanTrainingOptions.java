package org.adversarialarena.ml.gan;

/**
 * Everything that shapes a GAN training run.
 *
 * @param architecture            dense or convolutional G and D
 * @param loss                    the game's objective
 * @param discriminatorSteps      k: D steps per G step (WGAN's critic usually wants 5)
 * @param generatorLearningRate   Adam step size of G
 * @param discriminatorLearningRate Adam step size of D (often different: the two players need not learn equally fast)
 * @param realLabel               D's target for real images: 1, or e.g. 0.9 for one-sided label smoothing (fakes stay 0)
 * @param weightClip              WGAN only: D's weights are clipped to ±this after each step
 * @param batchSize               real images (and as many fakes) per D step
 * @param iterations              G steps in all
 * @param seed                    seeds weights, batches and latent draws
 * @param conditional             G is told the class and D judges per class; if not, every image counts as class 0,
 *                                so G may drift onto a few classes (mode collapse) and nothing pulls it back
 * @param latentSize              the latent vector's length
 */
public record GanTrainingOptions(GanArchitecture architecture, GanLoss loss, int discriminatorSteps,
        double generatorLearningRate, double discriminatorLearningRate, double realLabel, double weightClip,
        int batchSize, int iterations, long seed, boolean conditional, int latentSize) {

    /** WGAN-GP's penalty weight λ, as in its paper. */
    public static final double GRADIENT_PENALTY = 10;

    /** A conditional GAN with the usual latent size. */
    public GanTrainingOptions(GanArchitecture architecture, GanLoss loss, int discriminatorSteps,
            double generatorLearningRate, double discriminatorLearningRate, double realLabel, double weightClip,
            int batchSize, int iterations, long seed) {
        this(architecture, loss, discriminatorSteps, generatorLearningRate, discriminatorLearningRate, realLabel,
                weightClip, batchSize, iterations, seed, true, GanArchitecture.LATENT_SIZE);
    }

    public GanTrainingOptions {
        if (latentSize < 1) {
            throw new IllegalArgumentException("The latent size must be positive, was " + latentSize);
        }
        if (discriminatorSteps < 1 || batchSize < 1 || iterations < 1) {
            throw new IllegalArgumentException("k, batch size and iterations must be positive");
        }
        if (!(generatorLearningRate > 0) || !(discriminatorLearningRate > 0)) {
            throw new IllegalArgumentException("Learning rates must be positive");
        }
        if (!(realLabel > 0.5 && realLabel <= 1)) {
            throw new IllegalArgumentException("The real label must be in (0.5, 1], was " + realLabel);
        }
        if (!(weightClip > 0)) {
            throw new IllegalArgumentException("The weight clip must be positive, was " + weightClip);
        }
    }

    /** Non-saturating loss, k = 1, 2e-4 for both, label smoothing 0.9: the DCGAN paper's recipe. */
    public static GanTrainingOptions defaults(GanArchitecture architecture, int iterations, long seed) {
        return new GanTrainingOptions(architecture, GanLoss.NON_SATURATING, 1, 2e-4, 2e-4, 0.9, 0.01, 64, iterations, seed);
    }

    public GanTrainingOptions withLoss(GanLoss newLoss) {
        return new GanTrainingOptions(architecture, newLoss, discriminatorSteps, generatorLearningRate,
                discriminatorLearningRate, realLabel, weightClip, batchSize, iterations, seed, conditional, latentSize);
    }

    public GanTrainingOptions withDiscriminatorSteps(int k) {
        return new GanTrainingOptions(architecture, loss, k, generatorLearningRate, discriminatorLearningRate, realLabel,
                weightClip, batchSize, iterations, seed, conditional, latentSize);
    }

    public GanTrainingOptions withIterations(int newIterations) {
        return new GanTrainingOptions(architecture, loss, discriminatorSteps, generatorLearningRate,
                discriminatorLearningRate, realLabel, weightClip, batchSize, newIterations, seed, conditional, latentSize);
    }

    public GanTrainingOptions withConditional(boolean isConditional) {
        return new GanTrainingOptions(architecture, loss, discriminatorSteps, generatorLearningRate,
                discriminatorLearningRate, realLabel, weightClip, batchSize, iterations, seed, isConditional, latentSize);
    }
}
