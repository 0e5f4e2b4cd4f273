package org.adversarialarena.fool;

/**
 * The visible model's view of the image being edited, after a stroke: its probabilities, its verdict
 * (would the edit already count as fooled, for the visible model) and how much budget the edit uses.
 * On the Sentinel level, {@code detectorScore} is the detector's probability that the image is
 * adversarial; elsewhere it is NaN.
 */
public record Probe(float[] probabilities, Verdict verdict, BudgetUse use, double detectorScore) {

    public int predictedClass() {
        return verdict.predictedClass();
    }

    public boolean fooled() {
        return verdict.success();
    }

    public boolean flagged() {
        return verdict.flagged();
    }
}
