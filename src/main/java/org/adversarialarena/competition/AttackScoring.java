package org.adversarialarena.competition;

import java.util.List;

/**
 * The attack track's rules, in one place for the upload check, the evaluation job and the tests:
 * every image within budget (checked per image, as the MadryLab challenge does), then success = the
 * target's class differs from the true label.
 */
final class AttackScoring {

    private AttackScoring() {
    }

    /** Refuses the set if any image is over budget, naming the first such image. */
    static void requireWithinBudget(ChallengeSet set, float[][] adversarial, AttackBudget budget) {
        if (adversarial.length != set.size()) {
            throw CompetitionRefusedException.invalid("competition.refused.shape", "Expected shape [K,28,28] or [K,784]",
                    set.size());
        }
        for (ChallengeImage image : set.images()) {
            double distance = budget.distance(image.pixels(), adversarial[image.position()]);
            if (!budget.allows(distance)) {
                throw CompetitionRefusedException.invalid("competition.refused.over-budget",
                        "Image is over the budget", image.position(), distance, budget.limit());
            }
        }
    }

    /** Scores the set from the target's predicted classes, one per image. */
    static AttackScore score(ChallengeSet set, float[][] adversarial, int[] predicted, AttackBudget budget) {
        boolean[] fooled = new boolean[set.size()];
        double[] success = new double[2];
        double[] distance = new double[2];
        int[] count = new int[2];
        for (ChallengeImage image : set.images()) {
            int half = image.privateHalf() ? 1 : 0;
            double d = budget.distance(image.pixels(), adversarial[image.position()]);
            fooled[image.position()] = budget.allows(d) && predicted[image.position()] != image.label();
            success[half] += fooled[image.position()] ? 1 : 0;
            distance[half] += d;
            count[half]++;
        }
        return new AttackScore(share(success[0], count[0]), share(success[1], count[1]), share(distance[0], count[0]),
                share(distance[1], count[1]), fooled);
    }

    private static double share(double sum, int count) {
        return count == 0 ? 0 : sum / count;
    }

    static List<ChallengeImage> half(ChallengeSet set, boolean privateHalf) {
        return set.images().stream().filter(image -> image.privateHalf() == privateHalf).toList();
    }
}
