package org.adversarialarena.ml.gan;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Brings a trained pair to the point Forge wants its detective to start from: D gives G's samples
 * about an even chance. A GAN trained to the end usually leaves D ahead (it judged the last batch
 * and G has not answered), so D's mean verdict on G's samples is low. Settling lets G catch up until
 * D's mean verdict on a fixed probe of samples reaches the target: either by generator-only steps
 * (D frozen), or by going on with D's learning rate lowered.
 */
public final class Equilibrium {

    private static final int PROBE = 500;
    private static final long PROBE_SEED = 4_242;
    private static final int STEPS_BETWEEN_PROBES = 5;

    private final INDArray latents;
    private final int[] classes;

    public Equilibrium(int latentSize, int classCount) {
        this.latents = Nd4j.randn(PROBE_SEED, new long[] {PROBE, latentSize});
        this.classes = new int[PROBE];
        for (int i = 0; i < PROBE; i++) {
            classes[i] = i % classCount;
        }
    }

    /** D's mean verdict on the probe's samples. */
    public double meanVerdict(ConditionalGan gan) {
        float[] verdicts = gan.realness(gan.generate(latents, classes), classes);
        double sum = 0;
        for (float verdict : verdicts) {
            sum += verdict;
        }
        return sum / verdicts.length;
    }

    /** What the settling did: generator steps taken and D's mean verdict before and after. */
    public record Settled(int generatorSteps, double before, double after) {
    }

    /**
     * Steps until D's mean verdict on the probe reaches {@code target}, at most {@code maxSteps}: generator-only
     * steps if {@code discriminatorRate} is 0, else whole iterations with D's learning rate lowered to it (D
     * keeps learning, slowly, so G catches up inside the game instead of exploiting a frozen D).
     */
    public Settled settle(GanSteps steps, double target, int maxSteps, double discriminatorRate) {
        ConditionalGan gan = steps.gan();
        if (discriminatorRate > 0) {
            gan.discriminator().setLearningRate(discriminatorRate);
        }
        double before = meanVerdict(gan);
        double now = before;
        int taken = 0;
        while (now < target && taken < maxSteps) {
            for (int i = 0; i < STEPS_BETWEEN_PROBES && taken < maxSteps; i++) {
                if (discriminatorRate > 0) {
                    steps.iterate();
                } else {
                    steps.generatorStep();
                }
                taken++;
            }
            now = meanVerdict(gan);
        }
        return new Settled(taken, before, now);
    }
}
