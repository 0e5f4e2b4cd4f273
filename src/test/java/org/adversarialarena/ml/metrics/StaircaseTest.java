package org.adversarialarena.ml.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class StaircaseTest {

    private static final Staircase TWO_DOWN_ONE_UP = new Staircase(500, 100, 1000, 0.8, 2);

    @Test
    void twoCorrectShortenOneWrongLengthensAndTheThresholdIsTheMeanOfTheLaterReversals() {
        Staircase.Trace trace = TWO_DOWN_ONE_UP.replay(List.of(true, true, true, true, false, true, true, false));

        assertThat(trace.exposuresMs()).containsExactly(500, 500, 400, 400, 320, 400, 400, 320);
        assertThat(trace.reversalsMs()).containsExactly(320, 400, 320);
        assertThat(trace.nextMs()).isEqualTo(400);
        // The first reversal is left out: sqrt(400 * 320)
        assertThat(trace.thresholdMs()).hasValueCloseTo(Math.sqrt(400.0 * 320), within(1e-9));
    }

    @Test
    void theExposureStaysWithinItsBounds() {
        assertThat(TWO_DOWN_ONE_UP.replay(Collections.nCopies(40, true)).nextMs()).isEqualTo(100);
        assertThat(TWO_DOWN_ONE_UP.replay(Collections.nCopies(40, false)).nextMs()).isEqualTo(1000);
    }

    @Test
    void noThresholdBeforeTwoReversals() {
        assertThat(TWO_DOWN_ONE_UP.replay(List.of()).nextMs()).isEqualTo(500);
        assertThat(TWO_DOWN_ONE_UP.replay(List.of(true, true, false)).thresholdMs()).isEmpty();
        assertThat(TWO_DOWN_ONE_UP.replay(List.of(true, true, false, true, true)).thresholdMs())
                .hasValueCloseTo(Math.sqrt(400.0 * 500), within(1e-9));
    }

    @Test
    void oneDownOneUpAlternatesAroundItsStart() {
        Staircase oneDown = new Staircase(500, 100, 1000, 0.5, 1);

        Staircase.Trace trace = oneDown.replay(List.of(true, false, true, false));

        assertThat(trace.exposuresMs()).containsExactly(500, 250, 500, 250);
        assertThat(trace.reversalsMs()).containsExactly(250, 500, 250);
    }

    @Test
    void nonsenseSettingsAreRefused() {
        assertThatThrownBy(() -> new Staircase(50, 100, 1000, 0.8, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Staircase(500, 100, 1000, 1.2, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Staircase(500, 100, 1000, 0.8, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
