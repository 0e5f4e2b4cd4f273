package org.adversarialarena.forge;

/**
 * Where the generator's own samples of a prompt stand for the detective as it is now: their average
 * real-probability and how many reach the 0.5 line at which, in the GAN game's equilibrium, the
 * detective could no longer tell them from real images.
 */
public record GeneratorStanding(double meanRealProbability, int atLeastHalf, int samples, long detectiveVersion) {
}
