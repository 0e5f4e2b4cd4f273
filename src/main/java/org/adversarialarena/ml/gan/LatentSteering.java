package org.adversarialarena.ml.gan;

import java.util.Random;

/**
 * Ways for a player to steer a conditional generator by hand: a handful of fixed latent directions
 * as sliders, a fresh random latent (shuffle), and interpolation between two latents.
 *
 * <p>The directions are random orthonormal vectors fixed by a seed, not learned "smile" axes: in a
 * 64-dimensional Gaussian latent space any unit direction moves the sample smoothly, and a seeded
 * set keeps a slider meaning the same thing for every player. Interpolation is spherical, because
 * a straight line between two Gaussian samples passes through the low-norm middle where the
 * generator has seen few latents and makes washed-out images.
 *
 * <p>{@link #sample} locks the GAN: a shared {@link ConditionalGan} is not thread-safe, and every
 * user of a served GAN synchronises on it.
 */
public final class LatentSteering {

    public static final int SLIDERS = 5;
    /** Slider amounts are in latent standard deviations along each direction. */
    public static final double MAX_AMOUNT = 3;

    private final int latentSize;
    private final float[][] directions;

    public LatentSteering(int latentSize, long seed) {
        if (latentSize < SLIDERS) {
            throw new IllegalArgumentException("The latent space needs at least " + SLIDERS + " dimensions");
        }
        this.latentSize = latentSize;
        this.directions = orthonormal(SLIDERS, latentSize, new Random(seed));
    }

    /** {@code base} moved by {@code amounts[i]} along direction i (amounts clamped to ±{@link #MAX_AMOUNT}). */
    public float[] steer(float[] base, double[] amounts) {
        requireLatent(base);
        if (amounts.length != SLIDERS) {
            throw new IllegalArgumentException("One amount per slider (" + SLIDERS + "), got " + amounts.length);
        }
        float[] z = base.clone();
        for (int d = 0; d < SLIDERS; d++) {
            if (!Double.isFinite(amounts[d])) {
                throw new IllegalArgumentException("Slider amounts must be finite");
            }
            double amount = Math.max(-MAX_AMOUNT, Math.min(MAX_AMOUNT, amounts[d]));
            for (int i = 0; i < latentSize; i++) {
                z[i] += (float) (amount * directions[d][i]);
            }
        }
        return z;
    }

    /** A fresh standard-normal latent. */
    public float[] shuffle(Random random) {
        float[] z = new float[latentSize];
        for (int i = 0; i < latentSize; i++) {
            z[i] = (float) random.nextGaussian();
        }
        return z;
    }

    /** Spherical interpolation from {@code from} (t = 0) to {@code to} (t = 1). */
    public float[] interpolate(float[] from, float[] to, double t) {
        requireLatent(from);
        requireLatent(to);
        return slerp(from, to, t);
    }

    /**
     * Spherical interpolation between two latent vectors of the same length, for any latent size;
     * along the straight line where they are (nearly) parallel.
     */
    public static float[] slerp(float[] from, float[] to, double t) {
        if (from.length != to.length) {
            throw new IllegalArgumentException("Both latent vectors need the same length, got " + from.length
                    + " and " + to.length);
        }
        if (!(t >= 0 && t <= 1)) {
            throw new IllegalArgumentException("t lies in [0, 1], was " + t);
        }
        double dot = 0;
        double normFrom = 0;
        double normTo = 0;
        for (int i = 0; i < from.length; i++) {
            dot += from[i] * to[i];
            normFrom += from[i] * from[i];
            normTo += to[i] * to[i];
        }
        double cos = dot / Math.sqrt(normFrom * normTo);
        double omega = Math.acos(Math.max(-1, Math.min(1, cos)));
        float[] z = new float[from.length];
        if (omega < 1e-6 || Double.isNaN(omega)) {
            for (int i = 0; i < from.length; i++) {
                z[i] = (float) ((1 - t) * from[i] + t * to[i]);
            }
            return z;
        }
        double a = Math.sin((1 - t) * omega) / Math.sin(omega);
        double b = Math.sin(t * omega) / Math.sin(omega);
        for (int i = 0; i < from.length; i++) {
            z[i] = (float) (a * from[i] + b * to[i]);
        }
        return z;
    }

    /** The generator's image of {@code classIndex} at {@code latent}, holding the shared GAN's lock. */
    public static float[] sample(ConditionalGan gan, int classIndex, float[] latent) {
        synchronized (gan) {
            return gan.sample(classIndex, latent);
        }
    }

    private void requireLatent(float[] z) {
        if (z.length != latentSize) {
            throw new IllegalArgumentException("A latent vector has " + latentSize + " values, got " + z.length);
        }
    }

    /** Gram–Schmidt on Gaussian vectors: {@code count} random orthonormal directions. */
    private static float[][] orthonormal(int count, int size, Random random) {
        double[][] basis = new double[count][size];
        for (int d = 0; d < count; d++) {
            for (int i = 0; i < size; i++) {
                basis[d][i] = random.nextGaussian();
            }
            for (int e = 0; e < d; e++) {
                double dot = 0;
                for (int i = 0; i < size; i++) {
                    dot += basis[d][i] * basis[e][i];
                }
                for (int i = 0; i < size; i++) {
                    basis[d][i] -= dot * basis[e][i];
                }
            }
            double norm = 0;
            for (int i = 0; i < size; i++) {
                norm += basis[d][i] * basis[d][i];
            }
            norm = Math.sqrt(norm);
            for (int i = 0; i < size; i++) {
                basis[d][i] /= norm;
            }
        }
        float[][] directions = new float[count][size];
        for (int d = 0; d < count; d++) {
            for (int i = 0; i < size; i++) {
                directions[d][i] = (float) basis[d][i];
            }
        }
        return directions;
    }
}
