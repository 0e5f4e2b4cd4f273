package org.adversarialarena.ml.attack;

import java.util.List;
import org.adversarialarena.ml.image.ImagePixels;
import org.adversarialarena.ml.serve.ImageClassifier;

/** The checks every attack makes on its arguments, so a wrong call fails loudly instead of attacking garbage. */
final class AttackArguments {

    private AttackArguments() {
    }

    /** A budget in pixel units: finite, in (0, max]. */
    static float requireBudget(String what, float value, float max) {
        if (!Float.isFinite(value) || value <= 0f || value > max) {
            throw new IllegalArgumentException(what + " must be a number in (0, " + max + "], was " + value);
        }
        return value;
    }

    static int requirePositive(String what, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(what + " must be at least 1, was " + value);
        }
        return value;
    }

    static float[][] requireImages(ImageClassifier model, float[][] images, List<AttackGoal> goals) {
        requireSameSize(images, goals);
        if (images.length == 0) {
            throw new IllegalArgumentException("At least one image is required");
        }
        float[][] copies = new float[images.length][];
        for (int i = 0; i < images.length; i++) {
            copies[i] = ImagePixels.requireValid(images[i]);
            goals.get(i).requireWithin(model.classes());
        }
        return copies;
    }

    static void requireSameSize(float[][] images, List<AttackGoal> goals) {
        if (images.length != goals.size()) {
            throw new IllegalArgumentException(images.length + " images but " + goals.size() + " goals");
        }
    }
}
