package org.adversarialarena.competition;

/** How a perturbation is measured against the budget: the largest pixel change (L∞) or the pixels changed (L0). */
public enum BudgetNorm {
    LINF,
    L0
}
