package org.adversarialarena.fool;

import java.time.Instant;

/** One of a board's best adversarial examples, for the gallery; {@code attemptId} names the stored attempt. */
public record GalleryItem(long attemptId, String nickname, float[] original, float[] adversarial, int trueClass,
        int predictedClass, float confidence, int l0, float linf, double points, Instant submitted) {
}
