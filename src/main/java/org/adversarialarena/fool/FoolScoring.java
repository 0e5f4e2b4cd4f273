package org.adversarialarena.fool;

/**
 * Points for an attempt, computed by the server alone. Success comes first: a failed attempt earns
 * nothing. A success earns 50 points for fooling the model plus up to 50 more for leaving budget
 * unused, and the sum is multiplied by the level's weight (targeted and defended levels weigh more).
 */
public final class FoolScoring {

    static final double FOR_SUCCESS = 50;
    static final double FOR_THRIFT = 50;

    private FoolScoring() {
    }

    public static double points(FoolLevel level, boolean success, BudgetUse use) {
        if (!success || !use.withinBudget()) {
            return 0;
        }
        double unused = 1.0 - Math.max(0f, Math.min(1f, use.usedFraction()));
        double points = level.weight() * (FOR_SUCCESS + FOR_THRIFT * unused);
        return Math.round(points * 10) / 10.0;
    }
}
