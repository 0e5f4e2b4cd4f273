package org.adversarialarena.ml.gan;

import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * The GAN objectives the trainer offers. Each fixes the discriminator's output (probability or raw
 * score) and its loss; the generator's objective is derived from the same loss by choosing which
 * target it pretends its fakes have and in which direction it follows the gradient.
 */
public enum GanLoss {
    /**
     * Goodfellow's original min-max game: G minimises log(1 − D(G(z))). Its gradient vanishes when D
     * is confident, so G learns slowly at first: the lecture's "saturating" loss, kept to show it.
     */
    MINIMAX(Activation.SIGMOID, LossFunction.XENT),
    /** G maximises log D(G(z)) instead: same fixed point, strong gradients early. The usual default. */
    NON_SATURATING(Activation.SIGMOID, LossFunction.XENT),
    /** Least-squares GAN (Mao et al.): D regresses real to 1 and fake to 0, G pulls its fakes towards 1. */
    LEAST_SQUARES(Activation.IDENTITY, LossFunction.MSE),
    /** Wasserstein GAN with weight clipping (Arjovsky et al.): D is a critic with an unbounded score. */
    WASSERSTEIN(Activation.IDENTITY, LossFunction.WASSERSTEIN),
    /**
     * Hinge loss (Lim and Ye; Miyato et al.): D minimises max(0, 1 − D(x)) + max(0, 1 + D(G(z))), G
     * maximises D(G(z)). D's output layer keeps the linear (Wasserstein) loss; each row's target is
     * set from D's current score, which gives exactly the hinge's gradient ({@link GanSteps}).
     */
    HINGE(Activation.IDENTITY, LossFunction.WASSERSTEIN),
    /**
     * WGAN with gradient penalty (Gulrajani et al.): the critic's loss adds λ (‖∇ₓD(x̂)‖ − 1)² on
     * points between real and generated images. The penalty's gradient with respect to D's weights
     * is a Hessian-vector product, which DL4J cannot differentiate twice; {@link GanSteps} takes it
     * as a central finite difference of D's weight gradient along ∇ₓD(x̂) instead.
     */
    WGAN_GP(Activation.IDENTITY, LossFunction.WASSERSTEIN);

    private final Activation discriminatorOutput;
    private final LossFunction discriminatorLoss;

    GanLoss(Activation discriminatorOutput, LossFunction discriminatorLoss) {
        this.discriminatorOutput = discriminatorOutput;
        this.discriminatorLoss = discriminatorLoss;
    }

    public Activation discriminatorOutput() {
        return discriminatorOutput;
    }

    public LossFunction discriminatorLoss() {
        return discriminatorLoss;
    }

    /** D's training target for real images (before label smoothing). WGAN's critic loss is mean(target × score). */
    double realTarget() {
        return linearCritic() ? -1 : 1;
    }

    double fakeTarget() {
        return linearCritic() ? 1 : 0;
    }

    /** D is a critic with an unbounded score, trained through a linear loss (no probabilities, no label smoothing). */
    public boolean linearCritic() {
        return discriminatorLoss == LossFunction.WASSERSTEIN;
    }

    /** The target G's fakes are scored against when G's gradient is taken through D. */
    double generatorTarget() {
        return this == MINIMAX ? fakeTarget() : realTarget();
    }

    /** MINIMAX ascends D's loss on fakes; the others descend their own target's loss. */
    double generatorGradientSign() {
        return this == MINIMAX ? -1 : 1;
    }

    /** Whether D's output is a probability, so that D(x) reads as "how real". */
    public boolean outputsProbability() {
        return discriminatorOutput == Activation.SIGMOID;
    }
}
