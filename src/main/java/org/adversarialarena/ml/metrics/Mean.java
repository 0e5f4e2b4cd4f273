package org.adversarialarena.ml.metrics;

/** The arithmetic mean of a network's outputs, summed in double so that thousands of floats lose nothing. */
public final class Mean {

    /** The mean of {@code values}; NaN when there are none. */
    public static double of(float[] values) {
        double sum = 0;
        for (float value : values) {
            sum += value;
        }
        return sum / values.length;
    }

    private Mean() {
    }
}
