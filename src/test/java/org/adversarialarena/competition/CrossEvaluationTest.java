package org.adversarialarena.competition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The NIPS 2017 scoring of the matrix: a defense scores the images it still classifies correctly,
 * summed over attacks; an attack the misclassifications it causes, summed over the columns (the
 * defenses and the fixed target); ties go to the earlier entry; the target is not ranked.
 */
class CrossEvaluationTest {

    private static final int IMAGES = 10;

    @Test
    void defensesScoreTheImagesTheyStillClassifyCorrectlyAndAttacksTheMisclassificationsSummed() {
        // attacks 11 and 12; columns: the target (null), defenses 21 and 22
        List<MatrixCell> cells = List.of(
                new MatrixCell(11, null, 10), new MatrixCell(11, 21L, 4), new MatrixCell(11, 22L, 1),
                new MatrixCell(12, null, 6), new MatrixCell(12, 21L, 7), new MatrixCell(12, 22L, 0));

        CrossEvaluation.Scores scores = CrossEvaluation.score(cells, IMAGES);

        assertThat(scores.attacks()).containsExactly(11L, 12L);
        assertThat(scores.columns()).containsExactly(null, 21L, 22L);
        assertThat(scores.attackScores()).containsEntry(11L, 15).containsEntry(12L, 13);
        assertThat(scores.columnScores().get(21L)).isEqualTo((10 - 4) + (10 - 7));
        assertThat(scores.columnScores().get(22L)).isEqualTo((10 - 1) + (10 - 0));
        assertThat(scores.columnScores().get(null)).isEqualTo(0 + 4);
        assertThat(scores.attackRanks()).containsEntry(11L, 1).containsEntry(12L, 2);
        assertThat(scores.defenseRanks()).containsEntry(22L, 1).containsEntry(21L, 2).doesNotContainKey(null);
        assertThat(scores.cell(12, 21L)).isEqualTo(7);
    }

    @Test
    void tiesGoToTheEarlierEntry() {
        List<MatrixCell> cells = List.of(
                new MatrixCell(31, 41L, 5), new MatrixCell(31, 42L, 5),
                new MatrixCell(30, 41L, 5), new MatrixCell(30, 42L, 5));

        CrossEvaluation.Scores scores = CrossEvaluation.score(cells, IMAGES);

        assertThat(scores.attackRanks()).containsEntry(30L, 1).containsEntry(31L, 2);
        assertThat(scores.defenseRanks()).containsEntry(41L, 1).containsEntry(42L, 2);
    }

    @Test
    void theTotalsAreTheSameImagesCountedFromEitherSide() {
        List<MatrixCell> cells = new ArrayList<>();
        for (long attack = 1; attack <= 4; attack++) {
            for (long defense = 10; defense <= 12; defense++) {
                cells.add(new MatrixCell(attack, defense, (int) ((attack * 7 + defense * 3) % (IMAGES + 1))));
            }
        }

        CrossEvaluation.Scores scores = CrossEvaluation.score(cells, IMAGES);

        int misclassified = scores.attackScores().values().stream().mapToInt(Integer::intValue).sum();
        int correct = scores.columnScores().values().stream().mapToInt(Integer::intValue).sum();
        assertThat(misclassified + correct).isEqualTo(4 * 3 * IMAGES);
    }

    @Test
    void aCellCountingMoreImagesThanTheSetHasIsRefused() {
        assertThatThrownBy(() -> CrossEvaluation.score(List.of(new MatrixCell(1, 2L, IMAGES + 1)), IMAGES))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anImageCountsAsMisclassifiedWhenTheClassDiffersFromTheLabelAndPublicSharesCountThePublicHalf() {
        ChallengeSet set = Fixtures.set(); // labels 0..3, positions 2 and 3 private

        boolean[] wrong = CrossEvaluation.misclassified(set, new int[] {0, 5, 5, 3});

        assertThat(wrong).containsExactly(false, true, true, false);
        assertThat(CrossEvaluation.publicShare(set, wrong)).isEqualTo(0.5);
    }
}
