package org.adversarialarena.fool;

import java.util.random.RandomGenerator;
import org.adversarialarena.ml.data.ImageSet;
import org.adversarialarena.ml.serve.ImageClassifier;

/**
 * Chooses challenge images: held-out test images the judging model classifies right with at least
 * the configured confidence (fooling a model that was unsure anyway teaches nothing), never the image
 * the player had last. Candidates are drawn at random.
 */
final class ChallengePicker {

    private static final int BATCH = 32;
    private static final int MAX_BATCHES = 50;

    record Pick(int index, int trueClass, int targetClass, float confidence) {
    }

    private final RandomGenerator random;
    private final float minConfidence;

    ChallengePicker(RandomGenerator random, float minConfidence) {
        this.random = random;
        this.minConfidence = minConfidence;
    }

    /**
     * An image index of {@code images} other than {@code excluded} (−1 for none). On a targeted level
     * the target is the model's runner-up class: the one the image is already closest to becoming,
     * so a small budget can reach it.
     */
    Pick pick(ImageSet images, ImageClassifier judge, int excluded, boolean targeted) {
        for (int batch = 0; batch < MAX_BATCHES; batch++) {
            int[] indices = new int[Math.min(BATCH, images.size())];
            for (int i = 0; i < indices.length; i++) {
                indices[i] = random.nextInt(images.size());
            }
            // Drawn as a batch (the same random sequence as ever), judged one by one: the first usually
            // qualifies, and a one-image pass shares its cost with other players' strokes.
            for (int index : indices) {
                if (index == excluded) {
                    continue;
                }
                int label = images.label(index);
                float[] p = judge.probabilities(images.image(index));
                if (p[label] >= minConfidence && isTop(p, label)) {
                    return new Pick(index, label, targeted ? runnerUp(p, label) : -1, p[label]);
                }
            }
        }
        throw new IllegalStateException("No test image is classified right with confidence " + minConfidence
                + " by the judging model");
    }

    private static boolean isTop(float[] p, int label) {
        for (float value : p) {
            if (value > p[label]) {
                return false;
            }
        }
        return true;
    }

    static int runnerUp(float[] p, int excluded) {
        int best = -1;
        for (int c = 0; c < p.length; c++) {
            if (c != excluded && (best < 0 || p[c] > p[best])) {
                best = c;
            }
        }
        return best;
    }
}
