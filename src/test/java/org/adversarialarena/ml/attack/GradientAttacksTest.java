package org.adversarialarena.ml.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.adversarialarena.ml.image.InvalidImageException;
import org.adversarialarena.ml.serve.DifferentiableClassifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each gradient attack, at its standard budget on MNIST, fools the plain LeNet on most victims within its norm bound. */
class GradientAttacksTest {

    private static final AttackFixtures.Victims VICTIMS = AttackFixtures.victims(AttackFixtures.LENET, 20);

    static Stream<Arguments> untargetedAttacks() {
        return Stream.of(
                Arguments.of(GradientAttack.fgsm(0.3f), Norm.LINF, 0.3f, 0.6),
                Arguments.of(GradientAttack.bim(0.3f, 10), Norm.LINF, 0.3f, 0.9),
                Arguments.of(GradientAttack.pgd(Norm.LINF, 0.3f, 40), Norm.LINF, 0.3f, 0.9),
                Arguments.of(GradientAttack.pgd(Norm.L2, 3f, 40), Norm.L2, 3f, 0.9),
                Arguments.of(GradientAttack.miFgsm(0.3f, 10), Norm.LINF, 0.3f, 0.9),
                Arguments.of(Apgd.ce(0.3f, 50), Norm.LINF, 0.3f, 0.9),
                Arguments.of(Apgd.targetedDlr(0.3f, 50, 3), Norm.LINF, 0.3f, 0.9));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("untargetedAttacks")
    void foolsMostVictimsWithinItsBudget(Attack<DifferentiableClassifier> attack, Norm norm, float budget, double rate) {
        List<AttackResult> results = attack.attack(AttackFixtures.LENET, VICTIMS.images(), VICTIMS.untargeted());

        assertThat(successRate(results)).isGreaterThanOrEqualTo(rate);
        for (AttackResult result : results) {
            assertThat(norm.of(result.perturbation())).isLessThanOrEqualTo(budget + 1e-4f);
            for (float pixel : result.adversarial()) {
                assertThat(pixel).isBetween(0f, 1f);
            }
            int predicted = AttackFixtures.LENET.predictions(new float[][] {result.adversarial()})[0];
            assertThat(predicted).isEqualTo(result.predictedClass());
            assertThat(result.success()).isEqualTo(predicted != result.goal().trueClass());
            assertThat(result.gradientSteps()).isPositive();
        }
    }

    static Stream<Attack<DifferentiableClassifier>> targetedAttacks() {
        return Stream.of(GradientAttack.pgd(Norm.LINF, 0.3f, 40), Apgd.ce(0.3f, 50), Apgd.targetedDlr(0.3f, 50, 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targetedAttacks")
    void targetedAttacksReachTheirTarget(Attack<DifferentiableClassifier> attack) {
        List<AttackResult> results = attack.attack(AttackFixtures.LENET, VICTIMS.images(), VICTIMS.targeted());

        assertThat(successRate(results)).isGreaterThanOrEqualTo(0.8);
        for (AttackResult result : results) {
            assertThat(result.success()).isEqualTo(result.predictedClass() == result.goal().target());
        }
    }

    @Test
    void aSingleImageRunRecordsAReplayableTrace() {
        AttackResult result = GradientAttack.bim(0.3f, 10).attack(AttackFixtures.LENET, VICTIMS.images()[0],
                AttackGoal.untargeted(VICTIMS.labels()[0]));

        assertThat(result.trace()).isNotEmpty();
        assertThat(result.trace().get(0).image()).isEqualTo(VICTIMS.images()[0]);
        assertThat(result.trace().get(result.trace().size() - 1).image()).isEqualTo(result.adversarial());
        assertThat(result.trace().get(0).predictedClass()).isEqualTo(VICTIMS.labels()[0]);
        assertThat(result.queries()).isEqualTo(result.trace().size());
    }

    @Test
    void fgsmIsOneSignStepOfSizeEpsilon() {
        float[] image = VICTIMS.images()[1];
        int label = VICTIMS.labels()[1];
        float[] gradient = AttackFixtures.LENET.inputGradient(image, label);

        AttackResult result = GradientAttack.fgsm(0.1f).attack(AttackFixtures.LENET, image, AttackGoal.untargeted(label));

        for (int p = 0; p < image.length; p++) {
            float expected = Math.max(0f, Math.min(1f, image[p] + 0.1f * Math.signum(gradient[p])));
            assertThat(result.adversarial()[p]).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-6f));
        }
        assertThat(result.gradientSteps()).isEqualTo(1);
    }

    @Test
    void badArgumentsFailClearly() {
        float[] nan = VICTIMS.images()[0].clone();
        nan[3] = Float.NaN;
        assertThatThrownBy(() -> GradientAttack.fgsm(0f)).hasMessageContaining("ε");
        assertThatThrownBy(() -> GradientAttack.fgsm(1.5f)).hasMessageContaining("ε");
        assertThatThrownBy(() -> GradientAttack.fgsm(Float.NaN)).hasMessageContaining("ε");
        assertThatThrownBy(() -> GradientAttack.fgsm(0.3f).attack(AttackFixtures.LENET, nan, AttackGoal.untargeted(1)))
                .isInstanceOf(InvalidImageException.class).hasMessageContaining("Pixel 3");
        assertThatThrownBy(() -> GradientAttack.fgsm(0.3f).attack(AttackFixtures.LENET, new float[10], AttackGoal.untargeted(1)))
                .isInstanceOf(InvalidImageException.class).hasMessageContaining("784");
        assertThatThrownBy(() -> GradientAttack.fgsm(0.3f).attack(AttackFixtures.LENET, VICTIMS.images()[0], AttackGoal.targeted(1, 12)))
                .hasMessageContaining("Class 12 does not exist");
        assertThatThrownBy(() -> AttackGoal.targeted(3, 3)).hasMessageContaining("is the true class");
    }

    static double successRate(List<AttackResult> results) {
        return results.stream().filter(AttackResult::success).count() / (double) results.size();
    }
}
