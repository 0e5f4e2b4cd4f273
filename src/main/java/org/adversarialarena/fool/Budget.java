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

    /** Images are stored as 8-bit PNG: a pixel takes one of this many steps above black. */
    public static final int GREY_LEVELS = 255;

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

    /**
     * Furthest any pixel may move, in grey levels of the stored image: ε rounded to the nearest level
     * (half a level up), so that the level nearest to any value within ε of the original is allowed.
     */
    public int maxLevelChange() {
        return kind == BudgetKind.LINF ? (int) Math.floor((double) limit * GREY_LEVELS + 0.5) : GREY_LEVELS;
    }

    /** The lowest value each pixel may take: a grey level, as the canvas and the stored image hold. */
    public float[] lowerBounds(float[] original) {
        return shifted(original, -maxLevelChange());
    }

    /** The highest value each pixel may take: a grey level, as the canvas and the stored image hold. */
    public float[] upperBounds(float[] original) {
        return shifted(original, maxLevelChange());
    }

    private static float[] shifted(float[] original, int levels) {
        float[] bound = new float[original.length];
        for (int i = 0; i < bound.length; i++) {
            int level = Math.clamp(levelOf(original[i]) + levels, 0, GREY_LEVELS);
            bound[i] = level / (float) GREY_LEVELS;
        }
        return bound;
    }

    /**
     * The image as it will be stored (each pixel on the nearest of the PNG's grey levels): what is
     * judged, measured against the budget and stored is this one image, so a stored attempt re-judges
     * the same. Originals lie on these levels, so the browser's rounding of an untouched pixel vanishes.
     */
    public static float[] asStored(float[] pixels) {
        float[] stored = ImagePixels.requireValid(pixels);
        for (int i = 0; i < stored.length; i++) {
            stored[i] = levelOf(stored[i]) / (float) GREY_LEVELS;
        }
        return stored;
    }

    static int levelOf(float value) {
        return Math.round(value * GREY_LEVELS);
    }

    /** How much of this budget the edit uses; both images should be {@linkplain #asStored as stored}. */
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
