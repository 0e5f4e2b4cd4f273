package org.adversarialarena.ml.defense;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.adversarialarena.ml.attack.AttackFixtures;
import org.adversarialarena.ml.attack.AttackResult;
import org.adversarialarena.ml.attack.GradientAttack;
import org.adversarialarena.ml.attack.Norm;
import org.adversarialarena.ml.model.ClassifierFiles;
import org.adversarialarena.ml.model.ClassifierId;
import org.adversarialarena.ml.serve.ClassifierPool;
import org.adversarialarena.ml.serve.LogitObjectives;
import org.adversarialarena.ml.serve.ObjectiveGradients;
import org.junit.jupiter.api.Test;

class EnsembleTest {

    private static final ClassifierPool MLP =
            new ClassifierPool(ClassifierFiles.loadShipped(ClassifierId.parse("mnist-mlp", 1)), 1);
    private static final Ensemble ENSEMBLE = new Ensemble(List.of(AttackFixtures.LENET, MLP));
    private static final AttackFixtures.Victims VICTIMS = AttackFixtures.victims(AttackFixtures.LENET, 16);

    @Test
    void answersWithTheMeanOfItsMembersLogits() {
        float[][] images = {VICTIMS.images()[0], VICTIMS.images()[1]};
        float[][] lenet = AttackFixtures.LENET.logits(images);
        float[][] mlp = MLP.logits(images);

        float[][] mean = ENSEMBLE.logits(images);

        for (int i = 0; i < 2; i++) {
            for (int k = 0; k < 10; k++) {
                assertThat(mean[i][k]).isCloseTo((lenet[i][k] + mlp[i][k]) / 2, within(1e-4f));
            }
        }
    }

    @Test
    void theGradientOfAnObjectiveOfTheMeanIsTheMeanOfTheMembersGradients() {
        float[][] image = {VICTIMS.images()[2]};
        int[] classes = {3};

        ObjectiveGradients ensemble = ENSEMBLE.gradients(image, LogitObjectives.logit(classes));
        float[] lenet = AttackFixtures.LENET.gradients(image, LogitObjectives.logit(classes)).inputGradients()[0];
        float[] mlp = MLP.gradients(image, LogitObjectives.logit(classes)).inputGradients()[0];

        for (int p = 0; p < 784; p++) {
            assertThat(ensemble.inputGradients()[0][p]).isCloseTo((lenet[p] + mlp[p]) / 2, within(1e-4f));
        }
        assertThat(ensemble.values()[0]).isCloseTo(ensemble.logits()[0][3], within(1e-6f));
    }

    @Test
    void aWhiteBoxAttackOnTheWholeEnsembleStillFoolsIt() {
        List<AttackResult> results = GradientAttack.pgd(Norm.LINF, 0.3f, 40).attack(ENSEMBLE, VICTIMS.images(),
                VICTIMS.untargeted());

        assertThat(results.stream().filter(AttackResult::success).count()).isGreaterThanOrEqualTo(13);
    }

    @Test
    void needsAtLeastTwoMembers() {
        assertThatThrownBy(() -> new Ensemble(List.of(MLP))).isInstanceOf(IllegalArgumentException.class);
    }
}
