package org.adversarialarena.ml.attack;

import java.util.Random;

/**
 * The two norms gradient attacks are budgeted in, with what each needs: the steepest-ascent step for
 * a gradient, the projection back onto the ε-ball around the original, and a random start inside
 * that ball. Every image is also kept within [0, 1].
 */
public enum Norm {

    /** Largest change of any pixel: the FGSM/PGD budget, "a faint touch everywhere". */
    LINF("L∞") {
        @Override
        void step(float[] x, float[] direction, float stepSize) {
            for (int i = 0; i < x.length; i++) {
                x[i] += stepSize * Math.signum(direction[i]);
            }
        }

        @Override
        void project(float[] x, float[] original, float epsilon) {
            for (int i = 0; i < x.length; i++) {
                x[i] = clip01(Math.max(original[i] - epsilon, Math.min(original[i] + epsilon, x[i])));
            }
        }

        @Override
        void randomStart(float[] x, float[] original, float epsilon, Random random) {
            for (int i = 0; i < x.length; i++) {
                x[i] = clip01(original[i] + (2f * random.nextFloat() - 1f) * epsilon);
            }
        }
    },

    /** Euclidean length of the change: a few pixels may change a lot. */
    L2("L2") {
        @Override
        void step(float[] x, float[] direction, float stepSize) {
            float length = length(direction);
            if (length == 0f) {
                return;
            }
            for (int i = 0; i < x.length; i++) {
                x[i] += stepSize * direction[i] / length;
            }
        }

        @Override
        void project(float[] x, float[] original, float epsilon) {
            float[] delta = new float[x.length];
            for (int i = 0; i < x.length; i++) {
                delta[i] = clip01(x[i]) - original[i];
            }
            float length = length(delta);
            float scale = length > epsilon ? epsilon / length : 1f;
            for (int i = 0; i < x.length; i++) {
                x[i] = clip01(original[i] + delta[i] * scale);
            }
        }

        @Override
        void randomStart(float[] x, float[] original, float epsilon, Random random) {
            float[] direction = new float[x.length];
            for (int i = 0; i < x.length; i++) {
                direction[i] = (float) random.nextGaussian();
            }
            float radius = epsilon * random.nextFloat() / length(direction);
            for (int i = 0; i < x.length; i++) {
                x[i] = original[i] + direction[i] * radius;
            }
            project(x, original, epsilon);
        }
    };

    private final String symbol;

    Norm(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** Moves {@code x} by {@code stepSize} in the steepest direction of this norm for {@code direction}. */
    abstract void step(float[] x, float[] direction, float stepSize);

    /** Pulls {@code x} back into the ε-ball around {@code original} and into [0, 1]. */
    abstract void project(float[] x, float[] original, float epsilon);

    /** Writes into {@code x} a uniformly drawn point of the ε-ball around {@code original}. */
    abstract void randomStart(float[] x, float[] original, float epsilon, Random random);

    /** The size of a perturbation in this norm. */
    public float of(Perturbation perturbation) {
        return this == LINF ? perturbation.linf() : perturbation.l2();
    }

    static float clip01(float value) {
        return Math.max(0f, Math.min(1f, value));
    }

    static float length(float[] v) {
        double sum = 0;
        for (float value : v) {
            sum += (double) value * value;
        }
        return (float) Math.sqrt(sum);
    }
}
