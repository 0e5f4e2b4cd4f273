package org.adversarialarena.ml.metrics;

/**
 * A rate with its bootstrap interval, and what it rests on: {@code trials} answers by
 * {@code evaluators} people. With no evaluators the figures are NaN and {@link #isEmpty()} is true.
 */
public record RateInterval(double rate, double low, double high, long trials, int evaluators) {

    public static final RateInterval EMPTY = new RateInterval(Double.NaN, Double.NaN, Double.NaN, 0, 0);

    public boolean isEmpty() {
        return evaluators == 0;
    }
}
