package org.adversarialarena.fool;

/**
 * A model's judgement of one image for a challenge: its class probabilities, the Sentinel detector's
 * adversarial probability (NaN on unguarded levels) and the verdict they add up to.
 */
record Judgement(float[] probabilities, double detectorScore, Verdict verdict) {
}
