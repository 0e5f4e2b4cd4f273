package org.adversarialarena.fool;

import java.util.Locale;
import org.adversarialarena.ml.attack.Perturbation;
import org.adversarialarena.ml.image.ImagePixels;

/**
 * What a level lets the player change in one challenge image: at most {@code limit} pixels (L0), or
 * every pixel by at most {@code limit} (L∞). The server checks every submission against the original
 * it holds, never against what a browser says was the original.
 */
public record Budget(BudgetKind kind, float limit) {

    /**
     * Browsers send pixels rounded to three decimals, and originals are multiples of 1/255: a pixel
     * within half a grey level of its original is unchanged, and an L∞ bound is met within that slack.
     */
    public static final float TOLERANCE = 0.5f / 255f;

    public Budget {
        if (kind == BudgetKind.L0 && (limit < 1 || limit > ImagePixels.COUNT || limit != Math.rint(limit))) {
            throw new IllegalArgumentException("An L0 budget is a whole number of pixels in 1.." + ImagePixels.COUNT
                    + ", was " + limit);
        }
        if (kind == BudgetKind.LINF && !(limit > 0f && limit <= 1f)) {
            throw new IllegalArgumentException("An L∞ budget lies in (0, 1], was " + limit);
        }
    }

    public static Budget pixels(int count) {
        return new Budget(BudgetKind.L0, count);
    }

    public static Budget epsilon(float epsilon) {
        return new Budget(BudgetKind.LINF, epsilon);
    }

    /** Most pixels that may change; every pixel for an L∞ budget. */
    public int maxChangedPixels() {
        return kind == BudgetKind.L0 ? (int) limit : ImagePixels.COUNT;
    }

    /** Furthest any pixel may move from its original; anywhere in [0, 1] for an L0 budget. */
    public float maxPixelChange() {
        return kind == BudgetKind.LINF ? limit : 1f;
    }

    /** The lowest value each pixel may take. */
    public float[] lowerBounds(float[] original) {
        float[] lower = new float[original.length];
        for (int i = 0; i < lower.length; i++) {
            lower[i] = Math.max(0f, original[i] - maxPixelChange());
        }
        return lower;
    }

    /** The highest value each pixel may take. */
    public float[] upperBounds(float[] original) {
        float[] upper = new float[original.length];
        for (int i = 0; i < upper.length; i++) {
            upper[i] = Math.min(1f, original[i] + maxPixelChange());
        }
        return upper;
    }

    /**
     * The edited image with rounding noise removed: pixels within {@link #TOLERANCE} of the original
     * become the original, so only real edits count.
     */
    public static float[] withoutRoundingNoise(float[] original, float[] edited) {
        float[] clean = ImagePixels.requireValid(edited);
        for (int i = 0; i < clean.length; i++) {
            if (Math.abs(clean[i] - original[i]) <= TOLERANCE) {
                clean[i] = original[i];
            }
        }
        return clean;
    }

    /** How much of this budget the edit uses; {@code edited} should be cleaned of rounding noise first. */
    public BudgetUse use(float[] original, float[] edited) {
        Perturbation change = Perturbation.between(original, edited);
        return new BudgetUse(this, change, usedFraction(change));
    }

    /**
     * The share of the budget spent, in [0, 1] for an edit within it. For L0 it is the share of the
     * pixels allowed; for L∞, every pixel may move, so spending means both how far the largest change
     * went and how much was changed overall (L2 against the whole ε-ball's L2 of ε·28).
     */
    float usedFraction(Perturbation change) {
        if (kind == BudgetKind.L0) {
            return change.l0() / limit;
        }
        float largest = change.linf() / limit;
        float overall = change.l2() / (limit * ImagePixels.SIDE);
        return Math.min(1f, 0.5f * (Math.min(1f, largest) + Math.min(1f, overall)));
    }

    /** A short display form: "≤ 20 px" or "ε = 0.30". */
    public String display() {
        return kind == BudgetKind.L0 ? String.format(Locale.ROOT, "≤ %d px", (int) limit)
                : String.format(Locale.ROOT, "ε = %.2f", limit);
    }
}
