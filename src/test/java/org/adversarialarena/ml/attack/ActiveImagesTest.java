package org.adversarialarena.ml.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each round asks about the images still active, in order; an image that leaves is never asked about again. */
class ActiveImagesTest {

    @Test
    void anImageThatLeavesIsNotAskedAboutAgainAndTheRoundsEndWhenNoneIsLeft() {
        List<List<Integer>> asked = new ArrayList<>();
        int[] roundsLeft = {0, 2, 1};

        List<Integer> unfinished = ActiveImages.rounds(ActiveImages.all(3), 10, (round, active) -> {
            asked.add(List.copyOf(active));
            return active;
        }, (round, image, position, answers) -> {
            assertThat(answers.get(position)).isEqualTo(image);
            return round < roundsLeft[image];
        });

        assertThat(asked).containsExactly(List.of(0, 1, 2), List.of(1, 2), List.of(1));
        assertThat(unfinished).isEmpty();
    }

    @Test
    void afterTheLastRoundTheImagesStillActiveAreReturned() {
        List<Integer> rounds = new ArrayList<>();

        List<Integer> unfinished = ActiveImages.rounds(ActiveImages.all(3), 2, (round, active) -> {
            rounds.add(round);
            return active;
        }, (round, image, position, answers) -> image != 1);

        assertThat(rounds).containsExactly(0, 1);
        assertThat(unfinished).containsExactly(0, 2);
    }

    @Test
    void aRoundsBatchHoldsTheActiveImagesCandidatesInOrder() {
        float[][] candidates = {{0f}, {1f}, {2f}};

        float[][] batch = ActiveImages.of(candidates, List.of(2, 0));

        assertThat(batch).hasNumberOfRows(2);
        assertThat(batch[0]).isSameAs(candidates[2]);
        assertThat(batch[1]).isSameAs(candidates[0]);
    }
}
