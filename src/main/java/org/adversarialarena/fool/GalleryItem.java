package org.adversarialarena.fool;

import java.time.Instant;

/** One of a board's best adversarial examples, for the gallery. */
public record GalleryItem(String nickname, float[] original, float[] adversarial, int trueClass, int predictedClass,
        float confidence, int l0, float linf, double points, Instant submitted) {
}
