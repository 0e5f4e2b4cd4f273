package org.adversarialarena.fool;

/** The norm a level's budget is measured in. */
public enum BudgetKind {
    /** How many pixels may change (each as much as the player likes): JSMA's budget. */
    L0,
    /** How far any one pixel may move (every pixel may move): FGSM's and PGD's budget. */
    LINF
}
