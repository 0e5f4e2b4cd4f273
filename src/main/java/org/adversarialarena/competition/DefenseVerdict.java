package org.adversarialarena.competition;

/**
 * The referee's figures for a defense on the challenge set: clean accuracy, robust accuracy (an image
 * counts only if no attack fooled it) on the whole set and on each half, and the accuracies left by PGD
 * alone and by APGD alone (the worse of APGD-CE and APGD-T), whose gap reveals masked gradients.
 * {@code robustImages}: per image of the set, whether it stood.
 */
public record DefenseVerdict(double clean, double robust, double pgd, double apgd, double publicRobust,
        double privateRobust, boolean[] robustImages) {

    /** The verdict from the whole-set figures and which images stood, scored per half of {@code set}. */
    static DefenseVerdict of(double clean, double robust, double pgd, double apgd, boolean[] robustImages,
            ChallengeSet set) {
        int[] stood = new int[2];
        int[] count = new int[2];
        for (ChallengeImage image : set.images()) {
            int half = image.privateHalf() ? 1 : 0;
            stood[half] += robustImages[image.position()] ? 1 : 0;
            count[half]++;
        }
        return new DefenseVerdict(clean, robust, pgd, apgd, share(stood[0], count[0]), share(stood[1], count[1]),
                robustImages.clone());
    }

    private static double share(int n, int of) {
        return of == 0 ? 0 : n / (double) of;
    }
}
