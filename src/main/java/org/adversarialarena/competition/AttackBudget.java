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
}
