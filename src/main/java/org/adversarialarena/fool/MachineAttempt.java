package org.adversarialarena.fool;

import org.adversarialarena.ml.attack.Perturbation;

/**
 * One machine attack on a challenge, judged like a player's attempt: did the judging model fall for
 * it (as the goal asks), did it stay within the level's budget, how large was the change and how long
 * did it take. {@code transferred}: crafted on the open model and judged by the hidden one. On the Sentinel level {@code flagged} says the detector caught it (then it did not
 * fool the guarded classifier, whatever the classifier alone said). {@code difference} is adversarial minus original, for the heat map.
 */
public record MachineAttempt(String attack, boolean transferred, boolean fooled, boolean flagged, boolean withinBudget,
        int predictedClass, float confidence, Perturbation change, double millis, float[] adversarial, float[] difference) {

    /** A success in the game's sense: fooled within the budget. */
    public boolean success() {
        return fooled && withinBudget;
    }
}
