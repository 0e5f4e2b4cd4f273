package org.adversarialarena.ml.detective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A forgery earns the detective's real-probability, but only as the class it was asked for. */
class ForgeryScoreTest {

    private static float[] probabilities(int top, float p) {
        float[] all = new float[10];
        java.util.Arrays.fill(all, (1 - p) / 9);
        all[top] = p;
        return all;
    }

    @Test
    void aForgeryOfThePromptedClassEarnsTheDetectivesVerdict() {
        DetectiveVerdict score = DetectiveVerdict.of(0.734, probabilities(7, 0.9f), 7);

        assertThat(score.classifierAgrees()).isTrue();
        assertThat(score.points()).isEqualTo(73.4);
        assertThat(score.classProbability()).isCloseTo(0.9, org.assertj.core.api.Assertions.within(1e-6));
        assertThat(score.fooledTheDetective()).isTrue();
    }

    @Test
    void aForgeryTheClassifierReadsAsAnotherClassEarnsNothing() {
        DetectiveVerdict score = DetectiveVerdict.of(0.99, probabilities(1, 0.8f), 7);

        assertThat(score.classifierAgrees()).isFalse();
        assertThat(score.points()).isZero();
        assertThat(score.fooledTheDetective()).isFalse();
    }

    @Test
    void aCaughtForgeryStillScoresItsVerdictButDidNotFool() {
        DetectiveVerdict score = DetectiveVerdict.of(0.2, probabilities(3, 0.6f), 3);

        assertThat(score.points()).isEqualTo(20.0);
        assertThat(score.fooledTheDetective()).isFalse();
    }

    @Test
    void nonsenseIsRefused() {
        assertThatThrownBy(() -> DetectiveVerdict.of(Double.NaN, probabilities(3, 0.6f), 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DetectiveVerdict.of(0.5, probabilities(3, 0.6f), 10))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
