package org.adversarialarena.ml.gan;

import org.adversarialarena.ml.serve.ClassifierPool;
import org.jspecify.annotations.Nullable;

/**
 * Additions to the plain GAN game that the Forge pair (v3) trains with; none of them changes what G
 * or D are, only what they see while learning.
 *
 * @param maxShift       D's real and generated inputs are moved by up to this many pixels each way
 *                       (the same random move distribution for both), so position is no clue to
 *                       "fake" and D's verdict stays steady when a drawing sits a pixel higher; 0 = off
 * @param guide          a classifier whose cross-entropy gradient for the requested class is added to
 *                       G's error signal (class guidance); it must not be the classifier that later
 *                       measures class agreement, or the figure would measure what G was trained on
 * @param guidanceWeight the weight of that gradient next to D's (0 = off)
 */
public record GanRefinements(int maxShift, @Nullable ClassifierPool guide, double guidanceWeight) {

    public static final GanRefinements NONE = new GanRefinements(0, null, 0);

    public GanRefinements {
        if (maxShift < 0 || maxShift > 4) {
            throw new IllegalArgumentException("The shift must be in 0..4 pixels, was " + maxShift);
        }
        if (!(guidanceWeight >= 0) || (guidanceWeight > 0 && guide == null)) {
            throw new IllegalArgumentException("Guidance needs a classifier and a non-negative weight");
        }
    }

    boolean guides() {
        return guide != null && guidanceWeight > 0;
    }
}
