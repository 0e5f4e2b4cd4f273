package org.adversarialarena.benchmark;

import java.util.Arrays;
import java.util.Locale;

/**
 * One figure for both frameworks, measured once per round. The table shows each side's median over
 * the rounds with its range, because single runs on a shared virtual machine vary by ±20%. The ratio
 * is always "how many times PyTorch's speed DL4J reaches" (medians): above 1 DL4J is faster, whatever the unit.
 */
record Figure(String name, String unit, boolean higherIsBetter, double[] dl4j, double[] pytorch) {

    double speedRatio() {
        return higherIsBetter ? median(dl4j) / median(pytorch) : median(pytorch) / median(dl4j);
    }

    String markdownRow() {
        return String.format(Locale.ROOT, "| %s | %s | %s | %s | %.2f× |", name, withRange(dl4j), withRange(pytorch), unit,
                speedRatio());
    }

    private static double median(double[] values) {
        return Timer.percentile(values, 50);
    }

    private static String withRange(double[] values) {
        if (values.length == 1) {
            return format(values[0]);
        }
        double min = Arrays.stream(values).min().orElseThrow();
        double max = Arrays.stream(values).max().orElseThrow();
        return format(median(values)) + " (" + format(min) + "–" + format(max) + ")";
    }

    private static String format(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.2f", value);
    }
}
