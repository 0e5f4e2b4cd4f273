package org.adversarialarena.ml.defense;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.adversarialarena.ml.attack.AttackFixtures;
import org.adversarialarena.ml.attack.AttackResult;
import org.adversarialarena.ml.attack.GradientAttack;
import org.adversarialarena.ml.attack.Norm;
import org.adversarialarena.ml.serve.LogitObjectives;
import org.adversarialarena.ml.serve.Softmax;
import org.junit.jupiter.api.Test;

/** Classifier and detector as one model: real digits keep their class, plain attacks land in "rejected", the adaptive attack gets through. */
class DetectorGuardedClassifierTest {

    private static final DetectorGuardedClassifier GUARDED =
            new DetectorGuardedClassifier(AttackFixtures.LENET, AdversarialDetectorTest.DETECTOR);
    private static final AttackFixtures.Victims VICTIMS = AttackFixtures.victims(AttackFixtures.LENET, 12);

    @Test
    void realDigitsKeepTheirClassAndPlainAttacksAreRejected() {
        assertThat(GUARDED.classes()).isEqualTo(11);
        assertThat(GUARDED.rejectedClass()).isEqualTo(10);
        assertThat(GUARDED.predictions(VICTIMS.images())).containsExactly(VICTIMS.labels());

        List<AttackResult> plain = GradientAttack.pgd(Norm.LINF, 0.3f, 40).attack(AttackFixtures.LENET, VICTIMS.images(),
                VICTIMS.untargeted());
        int rejected = 0;
        for (AttackResult result : plain) {
            if (result.success()) {
                int guarded = GUARDED.predictions(new float[][] {result.adversarial()})[0];
                rejected += guarded == GUARDED.rejectedClass() ? 1 : 0;
                assertThat(guarded == GUARDED.rejectedClass()).isEqualTo(AdversarialDetectorTest.DETECTOR.flags(result.adversarial()));
            }
        }
        assertThat(rejected).isGreaterThanOrEqualTo(10);
    }

    @Test
    void theRejectedLogitsGradientFlowsThroughClassifierAndDetector() {
        float[][] image = {VICTIMS.images()[0]};
        int top = Softmax.argmax(AttackFixtures.LENET.logits(image)[0]);

        float[] guarded = GUARDED.gradients(image, LogitObjectives.logit(new int[] {10})).inputGradients()[0];
        float[] classifier = AttackFixtures.LENET.gradients(image, LogitObjectives.logit(new int[] {top})).inputGradients()[0];
        float[] detector = AdversarialDetectorTest.DETECTOR.network().gradients(image,
                LogitObjectives.weightedSum(new float[][] {{-1f, 1f}})).inputGradients()[0];

        for (int p = 0; p < 784; p++) {
            assertThat(guarded[p]).isCloseTo(classifier[p] + detector[p], within(1e-4f));
        }
    }

    @Test
    void theAdaptiveAttackFoolsTheClassifierPastTheDetector() {
        List<AttackResult> adaptive = GradientAttack.pgd(Norm.LINF, 0.3f, 100).withRestarts(2)
                .attack(GUARDED, VICTIMS.images(), VICTIMS.targeted());

        long through = adaptive.stream().filter(AttackResult::success).count();
        assertThat(through).isGreaterThanOrEqualTo(3);
        for (AttackResult result : adaptive) {
            if (result.success()) {
                assertThat(AttackFixtures.LENET.predictions(new float[][] {result.adversarial()})[0]).isEqualTo(result.goal().target());
                assertThat(AdversarialDetectorTest.DETECTOR.flags(result.adversarial())).isFalse();
            }
        }
    }
}
