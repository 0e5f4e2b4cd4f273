package org.adversarialarena.ml.defense;

import org.adversarialarena.ml.serve.DifferentiableClassifier;
import org.adversarialarena.ml.serve.LogitObjective;
import org.adversarialarena.ml.serve.ObjectiveGradients;

/**
 * A classifier behind an input squeezer. Bit-depth rounding has zero gradient almost everywhere and a
 * median filter a very sparse one, so differentiating through the squeezer would only mask the
 * gradient; instead the gradient is Athalye et al.'s BPDA (ICML 2018): the forward pass squeezes,
 * the backward pass treats the squeezer as the identity, i.e. returns the classifier's input
 * gradient at the squeezed image. White-box attacks on this object are therefore the adaptive
 * attack; a non-adaptive attacker crafts on the bare classifier and is only then squeezed.
 */
public record SqueezedClassifier(DifferentiableClassifier classifier, Squeezer squeezer) implements DifferentiableClassifier {

    @Override
    public int classes() {
        return classifier.classes();
    }

    @Override
    public float[][] logits(float[][] images) {
        return classifier.logits(squeezed(images));
    }

    @Override
    public ObjectiveGradients gradients(float[][] images, LogitObjective objective) {
        return classifier.gradients(squeezed(images), objective);
    }

    private float[][] squeezed(float[][] images) {
        if (images.length == 0) {
            throw new IllegalArgumentException("At least one image is required");
        }
        float[][] out = new float[images.length][];
        for (int i = 0; i < images.length; i++) {
            out[i] = squeezer.squeeze(images[i]);
        }
        return out;
    }
}
