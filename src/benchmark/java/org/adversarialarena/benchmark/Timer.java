package org.adversarialarena.benchmark;

import java.util.Arrays;

/** Warm-up, then timed repetitions; reports rates and latency percentiles. */
final class Timer {

    private Timer() {
    }

    /** Calls {@code work} {@code warmup} times untimed, then {@code runs} times, and returns each run's milliseconds. */
    static double[] latenciesMs(int warmup, int runs, Runnable work) {
        for (int i = 0; i < warmup; i++) {
            work.run();
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            work.run();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        return ms;
    }

    /** Items per second when each run handles {@code itemsPerRun} items. */
    static double rate(double[] latenciesMs, int itemsPerRun) {
        return itemsPerRun * latenciesMs.length / (Arrays.stream(latenciesMs).sum() / 1000);
    }

    static double percentile(double[] latenciesMs, double p) {
        double[] sorted = latenciesMs.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
