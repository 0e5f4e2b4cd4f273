package org.adversarialarena.quota;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.adversarialarena.MutableClock;
import org.junit.jupiter.api.Test;

class LiveJudgingLimiterTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T12:00:00Z"));
    private final LiveJudgingLimiter limiter = new LiveJudgingLimiter(clock, 3);

    @Test
    void aSessionIsJudgedUpToTheCapInEachSecond() {
        BooleanSupplier session = limiter.forSession("session-a");
        assertThat(admitted(session, 5)).isEqualTo(3);

        clock.advance(Duration.ofMillis(999));
        assertThat(session.getAsBoolean()).isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(admitted(session, 5)).isEqualTo(3);
    }

    @Test
    void sessionsHaveTheirOwnCap() {
        assertThat(admitted(limiter.forSession("session-a"), 4)).isEqualTo(3);
        assertThat(admitted(limiter.forSession("session-b"), 4)).isEqualTo(3);
    }

    @Test
    void aFloodOfReportsInOneRequestIsCutToTheCap() {
        assertThat(admitted(limiter.forSession("session-flood"), 1500)).isEqualTo(3);
    }

    private static int admitted(BooleanSupplier session, int reports) {
        int admitted = 0;
        for (int i = 0; i < reports; i++) {
            if (session.getAsBoolean()) {
                admitted++;
            }
        }
        return admitted;
    }
}
