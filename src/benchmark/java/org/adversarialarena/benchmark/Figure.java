package org.adversarialarena.benchmark;

import java.util.Locale;

/**
 * One measured figure for both frameworks. The ratio is always "how many times PyTorch's speed DL4J
 * reaches": above 1 DL4J is faster, whatever the unit.
 */
record Figure(String name, String unit, boolean higherIsBetter, double dl4j, double pytorch) {

    double speedRatio() {
        return higherIsBetter ? dl4j / pytorch : pytorch / dl4j;
    }

    String markdownRow() {
        return String.format(Locale.ROOT, "| %s | %s | %s | %s | %.2f× |", name, format(dl4j), format(pytorch), unit, speedRatio());
    }

    private static String format(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.2f", value);
    }
}
