package org.adversarialarena.ml.explain;

import org.adversarialarena.ml.image.ImagePixels;
import org.adversarialarena.ml.serve.DifferentiableClassifier;
import org.adversarialarena.ml.serve.LogitObjectives;

/**
 * Saliency maps |∂score/∂x| (Simonyan et al.): which pixels would move a class's score most if they
 * changed a little. The score is the class's logit, not its probability, because a confident softmax
 * saturates and its gradient vanishes exactly where the player wants a hint.
 */
public final class Saliency {

    private Saliency() {
    }

    /** The saliency of {@code classIndex} for one image, scaled so its largest pixel is 1. */
    public static float[] of(DifferentiableClassifier classifier, float[] image, int classIndex) {
        ImagePixels.requireValid(image);
        float[] gradient = classifier.gradients(new float[][] {image},
                LogitObjectives.logit(new int[] {classIndex})).inputGradients()[0];
        return normalisedMagnitude(gradient);
    }

    /**
     * The signed gradient ∂logit/∂x of {@code classIndex}, scaled into [−1, 1] by its largest entry:
     * positive where more ink raises the class's score, negative where less ink does. FGSM steps
     * along this sign; the magnitude says where a step matters most.
     */
    public static float[] signed(DifferentiableClassifier classifier, float[] image, int classIndex) {
        ImagePixels.requireValid(image);
        float[] gradient = classifier.gradients(new float[][] {image},
                LogitObjectives.logit(new int[] {classIndex})).inputGradients()[0];
        float[] magnitude = normalisedMagnitude(gradient);
        for (int i = 0; i < gradient.length; i++) {
            magnitude[i] = Math.copySign(magnitude[i], gradient[i]);
        }
        return magnitude;
    }

    /**
     * |g| scaled to [0, 1] by its largest entry; an all-zero gradient stays all zero rather than
     * dividing by zero. Any gradient with respect to the pixels (a detective's, a classifier's) can be
     * shown this way.
     */
    public static float[] normalisedMagnitude(float[] gradient) {
        float largest = 0;
        for (float g : gradient) {
            if (!Float.isFinite(g)) {
                throw new IllegalArgumentException("The gradient has a non-finite entry: " + g);
            }
            largest = Math.max(largest, Math.abs(g));
        }
        float[] map = new float[gradient.length];
        if (largest == 0) {
            return map;
        }
        for (int i = 0; i < gradient.length; i++) {
            map[i] = Math.abs(gradient[i]) / largest;
        }
        return map;
    }

    /** The {@code count} most salient pixel indices, most salient first: where a hint overlay points. */
    public static int[] topPixels(float[] saliency, int count) {
        if (count < 0 || count > saliency.length) {
            throw new IllegalArgumentException("count must be in 0.." + saliency.length + ", was " + count);
        }
        return java.util.stream.IntStream.range(0, saliency.length).boxed()
                .sorted((a, b) -> Float.compare(saliency[b], saliency[a]))
                .limit(count).mapToInt(Integer::intValue).toArray();
    }
}
