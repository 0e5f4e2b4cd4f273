package org.adversarialarena.competition;

/**
 * The referee's figures for a defense on the challenge set: clean accuracy, robust accuracy (an image
 * counts only if no attack fooled it), and the accuracies left by PGD alone and by APGD alone (the
 * worse of APGD-CE and APGD-T), whose gap reveals masked gradients.
 */
public record DefenseVerdict(double clean, double robust, double pgd, double apgd) {
}
