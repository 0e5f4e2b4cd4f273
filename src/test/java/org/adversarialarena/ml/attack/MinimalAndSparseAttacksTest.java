package org.adversarialarena.ml.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** DeepFool and DDN find small L2 changes, JSMA few-pixel changes; all on the plain MNIST LeNet. */
class MinimalAndSparseAttacksTest {

    private static final AttackFixtures.Victims VICTIMS = AttackFixtures.victims(AttackFixtures.LENET, 12);

    @Test
    void deepFoolCrossesTheBoundaryWithASmallL2Change() {
        List<AttackResult> results = DeepFool.standard().attack(AttackFixtures.LENET, VICTIMS.images(), VICTIMS.untargeted());

        assertThat(GradientAttacksTest.successRate(results)).isGreaterThanOrEqualTo(0.8);
        double meanL2 = results.stream().filter(AttackResult::success).mapToDouble(r -> r.perturbation().l2()).average().orElseThrow();
        // PGD's L2 budget in GradientAttacksTest is 3; DeepFool's point is to need much less.
        assertThat(meanL2).isLessThan(2.5);
        for (AttackResult result : results) {
            assertThat(result.success()).isEqualTo(result.predictedClass() != result.goal().trueClass());
        }
    }

    @Test
    void ddnFindsSmallL2ChangesWithinItsNormLimit() {
        Ddn ddn = Ddn.of(100).withMaxNorm(2.5f);
        List<AttackResult> results = ddn.attack(AttackFixtures.LENET, VICTIMS.images(), VICTIMS.untargeted());

        assertThat(GradientAttacksTest.successRate(results)).isGreaterThanOrEqualTo(0.9);
        double meanL2 = results.stream().filter(AttackResult::success).mapToDouble(r -> r.perturbation().l2()).average().orElseThrow();
        assertThat(meanL2).isLessThan(2.0);
        for (AttackResult result : results) {
            assertThat(result.perturbation().l2()).isLessThanOrEqualTo(2.5f + 1e-3f);
            assertThat(result.gradientSteps()).isPositive();
            for (float pixel : result.adversarial()) {
                assertThat(pixel).isBetween(0f, 1f);
            }
            assertThat(AttackFixtures.LENET.predictions(new float[][] {result.adversarial()})[0]).isEqualTo(result.predictedClass());
            assertThat(result.success()).isEqualTo(result.predictedClass() != result.goal().trueClass());
        }
    }

    @Test
    void targetedDdnReachesItsTarget() {
        List<AttackResult> results = Ddn.of(100).attack(AttackFixtures.LENET, VICTIMS.images(), VICTIMS.targeted());

        assertThat(GradientAttacksTest.successRate(results)).isGreaterThanOrEqualTo(0.9);
        for (AttackResult result : results) {
            assertThat(result.success()).isEqualTo(result.predictedClass() == result.goal().target());
        }
        AttackResult traced = Ddn.of(20).attack(AttackFixtures.LENET, VICTIMS.images()[0], VICTIMS.untargeted().get(0));
        assertThat(traced.trace()).hasSize(21);
        assertThatThrownBy(() -> new Ddn(10, 0f, 1f, 28f)).hasMessageContaining("γ");
    }

    @Test
    void deepFoolRefusesATarget() {
        assertThatThrownBy(() -> DeepFool.standard().attack(AttackFixtures.LENET, VICTIMS.images()[0], AttackGoal.targeted(VICTIMS.labels()[0], (VICTIMS.labels()[0] + 1) % 10)))
                .hasMessageContaining("untargeted");
    }

    @Test
    void jsmaFoolsWithFewPixelsWithinItsBudget() {
        Jsma jsma = Jsma.withFraction(0.1f);
        List<AttackResult> untargeted = jsma.attack(AttackFixtures.LENET, VICTIMS.images(), VICTIMS.untargeted());
        List<AttackResult> targeted = jsma.attack(AttackFixtures.LENET, VICTIMS.images(), VICTIMS.targeted());

        assertThat(GradientAttacksTest.successRate(untargeted)).isGreaterThanOrEqualTo(0.8);
        assertThat(GradientAttacksTest.successRate(targeted)).isGreaterThanOrEqualTo(0.6);
        for (AttackResult result : untargeted) {
            assertThat(result.perturbation().l0()).isLessThanOrEqualTo(jsma.maxPixels());
        }
        for (AttackResult result : targeted) {
            assertThat(result.perturbation().l0()).isLessThanOrEqualTo(jsma.maxPixels());
            assertThat(result.success()).isEqualTo(result.predictedClass() == result.goal().target());
        }
    }

    @Test
    void budgetsOutsideTheirRangeAreRefused() {
        assertThatThrownBy(() -> new Jsma(1)).hasMessageContaining("pairs");
        assertThatThrownBy(() -> Jsma.withFraction(0f)).hasMessageContaining("γ");
        assertThatThrownBy(() -> new DeepFool(0, 0.02f)).hasMessageContaining("iterations");
        assertThatThrownBy(() -> new DeepFool(50, -1f)).hasMessageContaining("overshoot");
    }
}
