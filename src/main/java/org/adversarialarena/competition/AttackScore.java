package org.adversarialarena.competition;

/**
 * A submission's score on each half: the share of images the target misclassified (all images are
 * within budget, or the submission was refused), and the mean distance from the originals in the
 * budget's norm (the tie-break: smaller is better). {@code fooled} has one entry per image.
 */
public record AttackScore(double publicSuccess, double privateSuccess, double publicPerturbation,
        double privatePerturbation, boolean[] fooled) {
}
