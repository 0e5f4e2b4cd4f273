package org.adversarialarena.fool;

import java.util.Locale;
import org.adversarialarena.ml.attack.Perturbation;

/** How an edit measures against a budget: its norms and the share of the budget spent. */
public record BudgetUse(Budget budget, Perturbation change, float usedFraction) {

    public boolean withinBudget() {
        return switch (budget.kind()) {
            case L0 -> change.l0() <= budget.limit();
            case LINF -> Budget.levelOf(change.linf()) <= budget.maxLevelChange();
        };
    }

    /** Nothing more may change: every pixel allowed is changed, or a pixel moved as far as allowed. */
    public boolean exhausted() {
        return switch (budget.kind()) {
            case L0 -> change.l0() >= budget.limit();
            case LINF -> Budget.levelOf(change.linf()) >= budget.maxLevelChange();
        };
    }

    /**
     * Why the edit is over budget, in English for the log; empty when it is within. A player reads the
     * translation of {@code fool.rejected.over-budget} with the same numbers instead.
     */
    public String overBudgetReason() {
        if (withinBudget()) {
            return "";
        }
        return budget.kind() == BudgetKind.L0
                ? String.format(Locale.ROOT, "%d pixels were changed; this level allows at most %d.", change.l0(),
                        (int) budget.limit())
                : String.format(Locale.ROOT, "A pixel moved by %.3f; this level allows at most %.3f.", change.linf(),
                        budget.limit());
    }
}
