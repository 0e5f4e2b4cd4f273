package org.adversarialarena.ml.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The referee counts an image as robust only if it is classified right and no attack fooled it. */
class RobustAccuracyTest {

    private static final AttackFixtures.Victims VICTIMS = AttackFixtures.victims(AttackFixtures.LENET, 30);

    @Test
    void thePlainLeNetHasNoRobustAccuracyAtTheStandardMnistBudget() {
        RobustAccuracy robust = RobustAccuracy.measure(AttackFixtures.LENET, VICTIMS.images(), VICTIMS.labels(),
                List.of(GradientAttack.fgsm(0.3f), Apgd.ce(0.3f, 50)), 16);

        assertThat(robust.cleanAccuracy()).isEqualTo(1.0);
        assertThat(robust.robustAccuracy(Apgd.ce(0.3f, 50).name())).isLessThanOrEqualTo(0.05);
        assertThat(robust.robustAccuracy()).isLessThanOrEqualTo(robust.robustAccuracy(GradientAttack.fgsm(0.3f).name()));
    }

    @Test
    void misclassifiedImagesCountAsLostAndATinyBudgetKeepsMostImages() {
        int[] wrongLabels = VICTIMS.labels().clone();
        wrongLabels[0] = (wrongLabels[0] + 1) % 10;

        RobustAccuracy robust = RobustAccuracy.measure(AttackFixtures.LENET, VICTIMS.images(), wrongLabels,
                List.of(GradientAttack.fgsm(0.01f)), 8);

        assertThat(robust.clean()).isEqualTo(29);
        assertThat(robust.survivors()).isLessThanOrEqualTo(29).isGreaterThanOrEqualTo(25);
    }

    @Test
    void mismatchedInputsAreRefused() {
        assertThatThrownBy(() -> RobustAccuracy.measure(AttackFixtures.LENET, VICTIMS.images(), new int[3],
                List.of(GradientAttack.fgsm(0.1f)), 8)).hasMessageContaining("labels");
    }
}
