package org.adversarialarena.ml.detective;

/**
 * How the live detective learns.
 *
 * @param realPerStep       real images per training step (with their true classes)
 * @param forgeriesPerStep  player forgeries drawn from the replay buffer per step
 * @param generatedPerStep  generator samples per step, so D keeps rejecting what the GAN makes too
 * @param learningRate      D's Adam step size while live. The shipped D trained at 2e-4, but its
 *                          restored Adam state makes steps on unseen kinds of input large: at 2e-4
 *                          one step takes a new kind of forgery from 0.76 to 0.001; 2e-5 needs
 *                          about four steps to halve it twice (docs/forge.md), a pace a game can show
 * @param realTarget        D's target for real images (0.9: the one-sided label smoothing D was trained with)
 * @param replayCapacity    forgeries kept for replay; the oldest are forgotten first
 * @param heldOutSize       held-out real images the health check judges after every step
 * @param collapseFraction  a step is rolled back if D's accuracy on held-out real images falls below
 *                          this fraction of its accuracy when it went live
 * @param recentWindow      forgeries over which the catch rate is counted
 * @param lossCurveLength   training losses kept for the status panel
 * @param seed              seeds batch sampling
 */
public record DetectiveOptions(int realPerStep, int forgeriesPerStep, int generatedPerStep, double learningRate,
        double realTarget, int replayCapacity, int heldOutSize, double collapseFraction, int recentWindow,
        int lossCurveLength, long seed) {

    public DetectiveOptions {
        if (realPerStep < 1 || forgeriesPerStep < 1 || generatedPerStep < 0 || replayCapacity < 1 || heldOutSize < 1
                || recentWindow < 1 || lossCurveLength < 1) {
            throw new IllegalArgumentException("Batch parts, capacities and windows must be positive");
        }
        if (!(learningRate > 0) || !(realTarget > 0.5 && realTarget <= 1) || !(collapseFraction >= 0 && collapseFraction < 1)) {
            throw new IllegalArgumentException("Invalid learning rate, real target or collapse fraction");
        }
    }

    public static DetectiveOptions defaults(long seed) {
        return new DetectiveOptions(32, 16, 16, 2e-5, 0.9, 512, 256, 0.6, 50, 200, seed);
    }

    public DetectiveOptions withLearningRate(double rate) {
        return new DetectiveOptions(realPerStep, forgeriesPerStep, generatedPerStep, rate, realTarget, replayCapacity,
                heldOutSize, collapseFraction, recentWindow, lossCurveLength, seed);
    }
}
