package org.adversarialarena.forge;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The verdicts shown while a player paints.
 *
 * @param realProbability     the live detective's real-probability for the prompted class
 * @param classProbabilities  the classifier's probability for every class
 * @param detectiveVersion    the detective that judged
 * @param saliency            where that detective looks (a [0, 1] heat map), if it was asked for
 */
public record LiveVerdict(double realProbability, float[] classProbabilities, long detectiveVersion,
        float @Nullable [] saliency) {

    public double classProbability(int classIndex) {
        return classProbabilities[classIndex];
    }

    public Optional<float[]> saliencyMap() {
        return Optional.ofNullable(saliency);
    }
}
