package org.adversarialarena.ml.serve;

/**
 * A differentiable function of one example's logits (the scores before softmax), such as the
 * cross-entropy of a class, one logit alone, or the margin between two logits. Attacks, saliency maps
 * and adversarial training all ask for the gradient of such a function with respect to the input
 * pixels; the network supplies the chain rule from the logits back to the pixels.
 */
@FunctionalInterface
public interface LogitObjective {

    /**
     * The objective's value for example {@code example} of the batch, with its gradient with respect
     * to {@code logits} written into {@code gradient} (same length, initially zero).
     */
    float evaluate(float[] logits, int example, float[] gradient);
}
