package org.adversarialarena.ml.serve;

/**
 * A classifier whose gradients can be asked for: what white-box attacks, saliency maps and
 * adversarial training work with. A plain network, a defended pipeline and an ensemble all provide it.
 */
public interface DifferentiableClassifier extends ImageClassifier {

    /** Logits, objective values and input gradients of {@code objective} for each image, in one pass. */
    ObjectiveGradients gradients(float[][] images, LogitObjective objective);

    /**
     * The gradient of the cross-entropy loss for {@code labels} with respect to each pixel: the
     * direction in which each image should move to make its label less likely.
     */
    default float[][] inputGradients(float[][] images, int[] labels) {
        return gradients(images, LogitObjectives.crossEntropy(labels)).inputGradients();
    }

    default float[] inputGradient(float[] image, int label) {
        return inputGradients(new float[][] {image}, new int[] {label})[0];
    }
}
