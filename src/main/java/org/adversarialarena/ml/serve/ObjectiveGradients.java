package org.adversarialarena.ml.serve;

/**
 * What one forward and backward pass over a batch gives: each example's logits, the objective's value
 * and the objective's gradient with respect to each of the 784 input pixels.
 */
public record ObjectiveGradients(float[][] logits, float[] values, float[][] inputGradients) {

    public int size() {
        return logits.length;
    }
}
