package org.adversarialarena.fool;

/**
 * The visible model's view of the image being edited, after a stroke: its probabilities, how much
 * budget the edit uses and whether it would already count as fooled (for the visible model). On the
 * Sentinel level, {@code detectorScore} is the detector's probability that the image is adversarial
 * and {@code flagged} whether that reaches its threshold; elsewhere they are NaN and false.
 */
public record Probe(float[] probabilities, int predictedClass, BudgetUse use, boolean fooled, double detectorScore,
        boolean flagged) {
}
