package org.adversarialarena.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.adversarialarena.ml.metrics.Staircase;
import org.junit.jupiter.api.Test;

class JudgeScoringTest {

    private static final Staircase STAIRCASE = new Staircase(500, 50, 2000, 0.8, 2);
    private static final JudgeScoring.Answer WARM_UP_RIGHT = new JudgeScoring.Answer(true, true, false);
    private static final JudgeScoring.Answer WARM_UP_WRONG = new JudgeScoring.Answer(true, false, false);

    @Test
    void theWarmUpIsPassedOnlyWhenEveryWarmUpAnswerIsRight() {
        assertThat(JudgeScoring.qualified(List.of(WARM_UP_RIGHT), 2)).as("one still missing").isNull();
        assertThat(JudgeScoring.qualified(List.of(WARM_UP_RIGHT, WARM_UP_RIGHT), 2)).isTrue();
        assertThat(JudgeScoring.qualified(List.of(WARM_UP_WRONG), 2)).as("failed at once").isFalse();
        assertThat(JudgeScoring.qualified(List.of(), 0)).isTrue();
    }

    @Test
    void untimedPointsAreTheAccuracyAfterTheWarmUp() {
        List<JudgeScoring.Answer> answers = new ArrayList<>(List.of(WARM_UP_RIGHT, WARM_UP_RIGHT));
        // 4 fakes: 3 caught; 4 reals: 2 trusted.
        answers.add(new JudgeScoring.Answer(false, false, true));
        answers.add(new JudgeScoring.Answer(false, false, true));
        answers.add(new JudgeScoring.Answer(false, false, true));
        answers.add(new JudgeScoring.Answer(false, false, false));
        answers.add(new JudgeScoring.Answer(false, true, false));
        answers.add(new JudgeScoring.Answer(false, true, false));
        answers.add(new JudgeScoring.Answer(false, true, true));
        answers.add(new JudgeScoring.Answer(false, true, true));

        JudgeResult result = JudgeScoring.result(answers, 2, JudgeMode.UNTIMED, STAIRCASE);

        assertThat(result.qualified()).isTrue();
        assertThat(result.rates().sensitivity()).hasValue(0.75);
        assertThat(result.rates().specificity()).hasValue(0.5);
        assertThat(result.rates().accuracy()).hasValue(0.625);
        assertThat(result.points()).isEqualTo(62.5);
        assertThat(result.thresholdMs()).isEmpty();
    }

    @Test
    void timedPointsAreTheShortestExposureOverTheThreshold() {
        List<JudgeScoring.Answer> answers = new ArrayList<>(List.of(WARM_UP_RIGHT, WARM_UP_RIGHT));
        // right, right, wrong, right, right, wrong: reversals at 400, 500, 400 -> threshold sqrt(500 * 400)
        boolean[] right = {true, true, false, true, true, false};
        for (boolean r : right) {
            answers.add(new JudgeScoring.Answer(false, true, !r));
        }

        JudgeResult result = JudgeScoring.result(answers, 2, JudgeMode.TIMED, STAIRCASE);

        double threshold = Math.sqrt(500.0 * 400);
        assertThat(result.thresholdMs()).hasValueCloseTo(threshold, within(1e-9));
        assertThat(result.points()).isEqualTo(Math.round(1000 * 50 / threshold) / 10.0);
    }

    @Test
    void aFailedWarmUpScoresNothing() {
        List<JudgeScoring.Answer> answers = List.of(WARM_UP_WRONG, WARM_UP_RIGHT, new JudgeScoring.Answer(false, true, false));

        JudgeResult result = JudgeScoring.result(answers, 2, JudgeMode.UNTIMED, STAIRCASE);

        assertThat(result.qualified()).isFalse();
        assertThat(result.rates().accuracy()).hasValue(1.0);
        assertThat(result.points()).isZero();
    }
}
