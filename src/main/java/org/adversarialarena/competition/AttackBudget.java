package org.adversarialarena.competition;

/**
 * How far each adversarial image may lie from its original: every pixel by at most ε (L∞), or at most
 * {@code limit} pixels changed (L0). As in the MadryLab MNIST challenge, a small tolerance absorbs
 * float rounding of the participant's own arithmetic: a pixel within {@link #TOLERANCE} of its original
 * counts as unchanged, and an L∞ distance up to ε + {@link #TOLERANCE} is within budget.
 */
public record AttackBudget(BudgetNorm norm, double limit) {

    public static final double TOLERANCE = 1e-4;

    public AttackBudget {
        if (norm == BudgetNorm.LINF && !(limit > 0 && limit <= 1)) {
            throw CompetitionRefusedException.invalid("competition.refused.budget", "An L∞ budget lies in (0, 1]");
        }
        if (norm == BudgetNorm.L0 && (limit < 1 || limit > ChallengeSet.PIXELS || limit != Math.rint(limit))) {
            throw CompetitionRefusedException.invalid("competition.refused.budget", "An L0 budget is a whole number of pixels");
        }
    }

    /** The image's distance from its original in this budget's norm. */
    public double distance(float[] original, float[] adversarial) {
        double largest = 0;
        int changed = 0;
        for (int i = 0; i < original.length; i++) {
            double change = Math.abs((double) adversarial[i] - original[i]);
            largest = Math.max(largest, change);
            if (change > TOLERANCE) {
                changed++;
            }
        }
        return norm == BudgetNorm.LINF ? largest : changed;
    }

    public boolean allows(double distance) {
        return norm == BudgetNorm.LINF ? distance <= limit + TOLERANCE : distance <= limit;
    }

    /** Drawn values this close to the original are the original: the canvas reports three decimals and allows this much. */
    static final float CANVAS_TOLERANCE = 0.5f / 255f + 0.0006f;

    /** The lowest value each pixel may take. */
    public float[] lowerBounds(float[] original) {
        float[] bound = new float[original.length];
        for (int i = 0; i < bound.length; i++) {
            bound[i] = norm == BudgetNorm.LINF ? (float) Math.max(0, original[i] - limit) : 0f;
        }
        return bound;
    }

    /** The highest value each pixel may take. */
    public float[] upperBounds(float[] original) {
        float[] bound = new float[original.length];
        for (int i = 0; i < bound.length; i++) {
            bound[i] = norm == BudgetNorm.LINF ? (float) Math.min(1, original[i] + limit) : 1f;
        }
        return bound;
    }

    /** Most pixels that may change: every one for L∞. */
    public int maxChangedPixels() {
        return norm == BudgetNorm.L0 ? (int) limit : ChallengeSet.PIXELS;
    }

    /**
     * What a drawing on the canvas stands for: a pixel within the canvas's rounding of its original is
     * the original (else every untouched pixel would count as changed), and a pixel the canvas let stray
     * past its bounds by no more than its tolerance is put back within them. A pixel further out is kept
     * as sent: no canvas sends it, and the budget check refuses it. The result is what is stored and judged.
     */
    public float[] fit(float[] original, float[] drawn) {
        float[] lower = lowerBounds(original);
        float[] upper = upperBounds(original);
        float[] fitted = new float[original.length];
        for (int i = 0; i < fitted.length; i++) {
            boolean strayed = drawn[i] < lower[i] - CANVAS_TOLERANCE || drawn[i] > upper[i] + CANVAS_TOLERANCE;
            fitted[i] = Math.abs(drawn[i] - original[i]) <= CANVAS_TOLERANCE ? original[i]
                    : strayed ? drawn[i] : Math.clamp(drawn[i], lower[i], upper[i]);
        }
        return fitted;
    }
}
