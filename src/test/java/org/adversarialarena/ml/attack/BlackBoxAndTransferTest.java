package org.adversarialarena.ml.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.adversarialarena.ml.model.ClassifierFiles;
import org.adversarialarena.ml.model.ClassifierId;
import org.adversarialarena.ml.serve.ClassifierPool;
import org.adversarialarena.ml.serve.ImageClassifier;
import org.junit.jupiter.api.Test;

/** The Square attack works from scores alone and counts every query; transfer carries PGD examples from LeNet to the MLP. */
class BlackBoxAndTransferTest {

    private static final AttackFixtures.Victims VICTIMS = AttackFixtures.victims(AttackFixtures.LENET, 10);

    /** The only door a black-box attack gets: logits, and every image passing through it is counted. */
    private static final class CountingClassifier implements ImageClassifier {
        private final ImageClassifier inner;
        private int imagesAsked;

        CountingClassifier(ImageClassifier inner) {
            this.inner = inner;
        }

        @Override
        public int classes() {
            return inner.classes();
        }

        @Override
        public float[][] logits(float[][] images) {
            imagesAsked += images.length;
            return inner.logits(images);
        }
    }

    @Test
    void squareFoolsMostVictimsFromScoresAloneAndCountsItsQueries() {
        CountingClassifier counted = new CountingClassifier(AttackFixtures.LENET);
        SquareAttack square = SquareAttack.of(0.3f, 1_000);

        List<AttackResult> results = square.attack(counted, VICTIMS.images(), VICTIMS.untargeted());

        assertThat(GradientAttacksTest.successRate(results)).isGreaterThanOrEqualTo(0.8);
        assertThat(results.stream().mapToInt(AttackResult::queries).sum()).isEqualTo(counted.imagesAsked);
        for (AttackResult result : results) {
            assertThat(result.gradientSteps()).isZero();
            assertThat(result.queries()).isBetween(1, 1_000);
            assertThat(result.perturbation().linf()).isLessThanOrEqualTo(0.3f + 1e-6f);
        }
    }

    @Test
    void theSparseSearchFoolsMostVictimsByFlippingFewPixelsFromScoresAlone() {
        CountingClassifier counted = new CountingClassifier(AttackFixtures.LENET);
        SparseRandomSearch sparse = SparseRandomSearch.of(24, 1_000);

        List<AttackResult> results = sparse.attack(counted, VICTIMS.images(), VICTIMS.untargeted());

        assertThat(GradientAttacksTest.successRate(results)).isGreaterThanOrEqualTo(0.7);
        assertThat(results.stream().mapToInt(AttackResult::queries).sum()).isEqualTo(counted.imagesAsked);
        for (AttackResult result : results) {
            assertThat(result.gradientSteps()).isZero();
            assertThat(result.queries()).isBetween(1, 1_000);
            assertThat(result.perturbation().l0()).isLessThanOrEqualTo(24);
            assertThat(result.success()).isEqualTo(result.predictedClass() != result.goal().trueClass());
        }
    }

    @Test
    void aTargetedSparseSearchReachesItsTargetWhenItSucceeds() {
        List<AttackResult> results = SparseRandomSearch.of(40, 1_500).attack(new CountingClassifier(AttackFixtures.LENET),
                VICTIMS.images(), VICTIMS.targeted());

        assertThat(GradientAttacksTest.successRate(results)).isGreaterThanOrEqualTo(0.5);
        for (AttackResult result : results) {
            assertThat(result.success()).isEqualTo(result.predictedClass() == result.goal().target());
            assertThat(result.perturbation().l0()).isLessThanOrEqualTo(40);
        }
        assertThatThrownBy(() -> SparseRandomSearch.of(0, 10)).hasMessageContaining("pixel budget");
        assertThatThrownBy(() -> SparseRandomSearch.of(785, 10)).hasMessageContaining("784");
    }

    @Test
    void aSingleSquareRunCanBeReplayed() {
        AttackResult result = SquareAttack.of(0.3f, 300).attack(new CountingClassifier(AttackFixtures.LENET), VICTIMS.images()[0],
                AttackGoal.untargeted(VICTIMS.labels()[0]));

        assertThat(result.trace()).isNotEmpty();
        assertThat(result.trace().get(result.trace().size() - 1).image()).isEqualTo(result.adversarial());
    }

    @Test
    void pgdExamplesOfTheOpenLeNetTransferToTheHiddenMlp() {
        ClassifierPool hiddenMlp = new ClassifierPool(ClassifierFiles.loadShipped(ClassifierId.parse("mnist-mlp", 1)), 1);
        TransferAttack transfer = new TransferAttack(AttackFixtures.LENET, GradientAttack.pgd(Norm.LINF, 0.3f, 40).toTheEnd());

        List<AttackResult> results = transfer.attack(new CountingClassifier(hiddenMlp), VICTIMS.images(), VICTIMS.untargeted());

        assertThat(GradientAttacksTest.successRate(results)).isGreaterThanOrEqualTo(0.5);
        for (AttackResult result : results) {
            assertThat(result.queries()).isEqualTo(1);
            assertThat(result.perturbation().linf()).isLessThanOrEqualTo(0.3f + 1e-4f);
            assertThat(result.gradientSteps()).isEqualTo(40);
        }
    }

    @Test
    void badSettingsAreRefused() {
        assertThatThrownBy(() -> SquareAttack.of(0f, 100)).hasMessageContaining("ε");
        assertThatThrownBy(() -> SquareAttack.of(0.3f, 0)).hasMessageContaining("query budget");
    }
}
