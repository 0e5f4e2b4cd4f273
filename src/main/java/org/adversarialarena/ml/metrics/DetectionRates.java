package org.adversarialarena.ml.metrics;

import java.util.OptionalDouble;

/**
 * How well someone told fakes from real images, with "fake" as the positive answer: sensitivity is
 * the share of fakes called fake, specificity the share of real images called real. A rate with
 * nothing to count is empty rather than 0 or NaN, so a page never shows a made-up figure.
 */
public record DetectionRates(long fakesCalledFake, long fakesCalledReal, long realsCalledReal, long realsCalledFake) {

    public static final DetectionRates NONE = new DetectionRates(0, 0, 0, 0);

    public DetectionRates {
        if (fakesCalledFake < 0 || fakesCalledReal < 0 || realsCalledReal < 0 || realsCalledFake < 0) {
            throw new IllegalArgumentException("Counts cannot be negative");
        }
    }

    /** This plus one answer on an image that was {@code fake}, answered as {@code calledFake}. */
    public DetectionRates plus(boolean fake, boolean calledFake) {
        if (fake) {
            return calledFake ? new DetectionRates(fakesCalledFake + 1, fakesCalledReal, realsCalledReal, realsCalledFake)
                    : new DetectionRates(fakesCalledFake, fakesCalledReal + 1, realsCalledReal, realsCalledFake);
        }
        return calledFake ? new DetectionRates(fakesCalledFake, fakesCalledReal, realsCalledReal, realsCalledFake + 1)
                : new DetectionRates(fakesCalledFake, fakesCalledReal, realsCalledReal + 1, realsCalledFake);
    }

    public long answers() {
        return fakesCalledFake + fakesCalledReal + realsCalledReal + realsCalledFake;
    }

    public long correct() {
        return fakesCalledFake + realsCalledReal;
    }

    public OptionalDouble accuracy() {
        return share(correct(), answers());
    }

    public OptionalDouble sensitivity() {
        return share(fakesCalledFake, fakesCalledFake + fakesCalledReal);
    }

    public OptionalDouble specificity() {
        return share(realsCalledReal, realsCalledReal + realsCalledFake);
    }

    /** The share of fakes taken for real: what HYPE∞ counts for a generator. */
    public OptionalDouble fooledRate() {
        return share(fakesCalledReal, fakesCalledFake + fakesCalledReal);
    }

    private static OptionalDouble share(long part, long whole) {
        return whole == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) part / whole);
    }
}
