package org.adversarialarena.forge;

/**
 * The verdicts shown while a player paints.
 *
 * @param realProbability     the live detective's real-probability for the prompted class
 * @param classProbabilities  the classifier's probability for every class
 * @param detectiveVersion    the detective that judged
 */
public record LiveVerdict(double realProbability, float[] classProbabilities, long detectiveVersion) {

    public double classProbability(int classIndex) {
        return classProbabilities[classIndex];
    }
}
