package org.adversarialarena.competition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AttackScoringTest {

    private final AttackBudget linf = new AttackBudget(BudgetNorm.LINF, 0.3);

    @Test
    void scoresEachHalfOnItsOwnImagesWithTheMeanPerturbation() {
        ChallengeSet set = Fixtures.set();
        float[][] adversarial = Fixtures.copies(set);
        adversarial[0][0] = 0.8f;   // public, changed by 0.3
        adversarial[2][0] = 0.6f;   // private, changed by 0.1
        // the target now says 9 for image 0 (public) and image 2 (private), right for the others
        AttackScore score = AttackScoring.score(set, adversarial, new int[] {9, 1, 9, 3}, linf);

        assertThat(score.publicSuccess()).isEqualTo(0.5);
        assertThat(score.privateSuccess()).isEqualTo(0.5);
        assertThat(score.publicPerturbation()).isCloseTo(0.15, within(1e-6));
        assertThat(score.privatePerturbation()).isCloseTo(0.05, within(1e-6));
        assertThat(score.fooled()).containsExactly(true, false, true, false);
    }

    @Test
    void refusesASetWithAnyImageOverBudgetNamingTheFirst() {
        ChallengeSet set = Fixtures.set();
        float[][] adversarial = Fixtures.copies(set);
        adversarial[1][400] = 0.5f + 0.3f + 0.001f;
        assertThatThrownBy(() -> AttackScoring.requireWithinBudget(set, adversarial, linf))
                .isInstanceOfSatisfying(CompetitionRefusedException.class, e -> {
                    assertThat(e.key()).isEqualTo("competition.refused.over-budget");
                    assertThat(e.arguments()[0]).isEqualTo(1);
                });
        adversarial[1][400] = 0.8f;   // exactly ε, with float rounding: within the tolerance
        AttackScoring.requireWithinBudget(set, adversarial, linf);
    }

    @Test
    void anL0BudgetCountsChangedPixelsIgnoringRoundingNoise() {
        AttackBudget l0 = new AttackBudget(BudgetNorm.L0, 2);
        float[] original = Fixtures.filled(0.5f);
        float[] adversarial = original.clone();
        adversarial[0] = 1f;
        adversarial[1] = 0f;
        adversarial[2] = 0.5f + 1e-6f;
        assertThat(l0.distance(original, adversarial)).isEqualTo(2);
        assertThat(l0.allows(2)).isTrue();
        adversarial[3] = 0.9f;
        assertThat(l0.allows(l0.distance(original, adversarial))).isFalse();
    }

    @Test
    void theChallengeSetIsTheSameForTheSameSeedAndSplitInHalves() {
        ChallengeSet first = draw(7);
        ChallengeSet again = draw(7);
        assertThat(again.images()).extracting(ChallengeImage::testIndex)
                .containsExactlyElementsOf(first.images().stream().map(ChallengeImage::testIndex).toList());
        assertThat(again.images()).extracting(ChallengeImage::privateHalf)
                .containsExactlyElementsOf(first.images().stream().map(ChallengeImage::privateHalf).toList());
        assertThat(first.images().stream().filter(ChallengeImage::privateHalf).count()).isEqualTo(10);
        assertThat(draw(8).images()).extracting(ChallengeImage::testIndex)
                .isNotEqualTo(first.images().stream().map(ChallengeImage::testIndex).toList());
        // only images the target gets right (this one is wrong on every odd index)
        assertThat(first.images()).allSatisfy(image -> assertThat(image.testIndex() % 2).isZero());
    }

    private static ChallengeSet draw(long seed) {
        int available = 500;
        return ChallengeSet.draw(20, seed, available, i -> Fixtures.filled(i / 1000f), i -> i % 10,
                images -> IntStream.range(0, images.length)
                        .map(i -> Math.round(images[i][0] * 1000) % 2 == 0 ? Math.round(images[i][0] * 1000) % 10 : -1)
                        .toArray());
    }

}
