package org.adversarialarena.fool;

/**
 * The visible model's view of the image being edited, after a stroke: its probabilities, how much
 * budget the edit uses and whether it would already count as fooled (for the visible model).
 */
public record Probe(float[] probabilities, int predictedClass, BudgetUse use, boolean fooled) {
}
