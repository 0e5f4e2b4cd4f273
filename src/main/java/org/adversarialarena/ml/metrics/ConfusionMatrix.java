package org.adversarialarena.ml.metrics;

import java.util.Arrays;

/** Counts of (true class, predicted class) pairs, and the accuracies read from them. */
public final class ConfusionMatrix {

    private final long[][] counts;

    public ConfusionMatrix(int classes) {
        if (classes < 2) {
            throw new IllegalArgumentException("A classifier has at least 2 classes, was " + classes);
        }
        counts = new long[classes][classes];
    }

    public void add(int trueClass, int predictedClass) {
        counts[trueClass][predictedClass]++;
    }

    public int classes() {
        return counts.length;
    }

    public long count(int trueClass, int predictedClass) {
        return counts[trueClass][predictedClass];
    }

    public long total() {
        return Arrays.stream(counts).flatMapToLong(Arrays::stream).sum();
    }

    public double accuracy() {
        long correct = 0;
        for (int c = 0; c < counts.length; c++) {
            correct += counts[c][c];
        }
        long total = total();
        return total == 0 ? 0 : (double) correct / total;
    }

    /** Per true class, the share predicted correctly (recall); NaN for a class with no examples. */
    public double[] perClassAccuracy() {
        double[] accuracy = new double[counts.length];
        for (int c = 0; c < counts.length; c++) {
            long row = Arrays.stream(counts[c]).sum();
            accuracy[c] = row == 0 ? Double.NaN : (double) counts[c][c] / row;
        }
        return accuracy;
    }

    public long[][] counts() {
        long[][] copy = new long[counts.length][];
        for (int c = 0; c < counts.length; c++) {
            copy[c] = counts[c].clone();
        }
        return copy;
    }
}
