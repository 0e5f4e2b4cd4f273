package org.adversarialarena.competition;

import java.util.List;
import org.adversarialarena.ml.attack.Apgd;
import org.adversarialarena.ml.attack.Attack;
import org.adversarialarena.ml.attack.GradientAttack;
import org.adversarialarena.ml.attack.Norm;
import org.adversarialarena.ml.attack.RobustAccuracy;
import org.adversarialarena.ml.serve.DifferentiableClassifier;

/**
 * Judges a defense as {@link RobustAccuracy#referee} does (PGD with random restarts, APGD-CE, APGD-T),
 * with the quota's step counts, at the competition's ε on its whole challenge set, keeping which images
 * stood so each half is scored.
 */
final class DefenseReferee {

    private static final int BATCH = 100;
    private static final int TARGET_CLASSES = 3;

    private final DefenseQuota quota;

    DefenseReferee(DefenseQuota quota) {
        this.quota = quota;
    }

    DefenseVerdict judge(DifferentiableClassifier model, ChallengeSet set, float epsilon) {
        float[][] images = set.images().stream().map(ChallengeImage::pixels).toArray(float[][]::new);
        int[] labels = set.images().stream().mapToInt(ChallengeImage::label).toArray();
        GradientAttack pgd = GradientAttack.pgd(Norm.LINF, epsilon, quota.refereePgdSteps())
                .withRestarts(quota.refereeRestarts());
        Apgd ce = Apgd.ce(epsilon, quota.refereeApgdSteps());
        Apgd targeted = Apgd.targetedDlr(epsilon, quota.refereeApgdSteps(), TARGET_CLASSES);
        List<Attack<DifferentiableClassifier>> attacks = List.of(pgd, ce, targeted);
        RobustAccuracy.PerImage judged = RobustAccuracy.measurePerImage(model, images, labels, attacks, BATCH);
        RobustAccuracy result = judged.totals();
        return DefenseVerdict.of(result.cleanAccuracy(), result.robustAccuracy(), result.robustAccuracy(pgd.name()),
                Math.min(result.robustAccuracy(ce.name()), result.robustAccuracy(targeted.name())), judged.robust(), set);
    }
}
