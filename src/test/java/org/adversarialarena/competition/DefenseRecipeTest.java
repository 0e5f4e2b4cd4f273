package org.adversarialarena.competition;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.adversarialarena.ml.model.ClassifierArchitecture;
import org.junit.jupiter.api.Test;

/** The recipe's checks against the quota, its stored form, its cost in steps, and the masking flag. */
class DefenseRecipeTest {

    private static final DefenseQuota QUOTA = new DefenseQuota(2, 10, 6400, 64, 3, 40, 5, 100, 0.1);

    @Test
    void recipesWithinTheQuotaPass() {
        new DefenseRecipe(DefenseMethod.PLAIN, ClassifierArchitecture.MLP, 0f, 0, 2, 1).requireValid(QUOTA);
        new DefenseRecipe(DefenseMethod.PGD, ClassifierArchitecture.LENET, 0.3f, 10, 1, 1).requireValid(QUOTA);
        new DefenseRecipe(DefenseMethod.TRADES, ClassifierArchitecture.LENET, 1f, 1, 2, 1).requireValid(QUOTA);
        new DefenseRecipe(DefenseMethod.FGSM, ClassifierArchitecture.MLP, 0.1f, 7, 1, 1).requireValid(QUOTA);
    }

    @Test
    void eachProblemHasItsReason() {
        assertRefused(new DefenseRecipe(DefenseMethod.PLAIN, ClassifierArchitecture.MLP, 0f, 0, 0, 1), "epochs");
        assertRefused(new DefenseRecipe(DefenseMethod.PGD, ClassifierArchitecture.MLP, 0.3f, 7, 3, 1), "epochs");
        assertRefused(new DefenseRecipe(DefenseMethod.PLAIN, ClassifierArchitecture.MLP, 0f, 3, 1, 1), "plain");
        assertRefused(new DefenseRecipe(DefenseMethod.FGSM, ClassifierArchitecture.MLP, Float.NaN, 1, 1, 1), "epsilon");
        assertRefused(new DefenseRecipe(DefenseMethod.PGD, ClassifierArchitecture.MLP, -0.1f, 7, 1, 1), "epsilon");
        assertRefused(new DefenseRecipe(DefenseMethod.TRADES, ClassifierArchitecture.MLP, 0.3f, 0, 1, 1), "steps");
        assertRefused(new DefenseRecipe(DefenseMethod.PGD, ClassifierArchitecture.MLP, 0.3f, 11, 1, 1), "steps");
    }

    @Test
    void fgsmIsStoredWithOneStepAndTheCostCountsBatchesOfTheQuotasShare() {
        assertThat(new DefenseRecipe(DefenseMethod.FGSM, ClassifierArchitecture.MLP, 0.1f, 7, 1, 1).normalised()
                .attackSteps()).isEqualTo(1);
        DefenseRecipe twoEpochs = new DefenseRecipe(DefenseMethod.PGD, ClassifierArchitecture.LENET, 0.3f, 7, 2, 1);
        assertThat(QUOTA.totalSteps(twoEpochs, 8500)).isEqualTo(200);
        assertThat(QUOTA.totalSteps(twoEpochs, 100)).isEqualTo(4);
    }

    @Test
    void pgdFarAboveApgdFlagsLikelyMasking() {
        assertThat(judged(0.6, 0.3).likelyMasking(0.1)).isTrue();
        assertThat(judged(0.35, 0.3).likelyMasking(0.1)).isFalse();
    }

    private static Defense judged(double pgd, double apgd) {
        return new Defense(1, 1, 1, new DefenseRecipe(DefenseMethod.PGD, ClassifierArchitecture.LENET, 0.3f, 7, 1, 1),
                DefenseStatus.SCORED, 4, 4, false, null, Instant.EPOCH, 1L, 1L, "ab", 0.9, Math.min(pgd, apgd), pgd, apgd, Instant.EPOCH,
                Math.min(pgd, apgd), Math.min(pgd, apgd));
    }

    private static void assertRefused(DefenseRecipe recipe, String reason) {
        Refusals.assertRefused(() -> recipe.requireValid(QUOTA), "competition.defense.refused." + reason);
    }
}
