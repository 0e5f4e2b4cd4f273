package org.adversarialarena.round;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SubmissionLimiterTest {

    private final MutableClock clock = new MutableClock();
    private final SubmissionLimiter limiter = new SubmissionLimiter(clock, Duration.ofSeconds(2), 3);

    @Test
    void submissionsMustBeSpacedByTheMinimumInterval() {
        limiter.acquire(1, Game.FOOL);
        clock.advance(Duration.ofMillis(500));

        assertThatThrownBy(() -> limiter.acquire(1, Game.FOOL)).isInstanceOfSatisfying(TooManySubmissionsException.class,
                e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofMillis(1500)));
        clock.advance(Duration.ofMillis(1500));
        limiter.acquire(1, Game.FOOL);
    }

    @Test
    void atMostThePerMinuteCountInAnyMinuteAndARefusalCostsNothing() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire(1, Game.FOOL);
            clock.advance(Duration.ofSeconds(10));
        }
        assertThatThrownBy(() -> limiter.acquire(1, Game.FOOL)).isInstanceOfSatisfying(TooManySubmissionsException.class,
                e -> assertThat(e.retryAfterSeconds()).isEqualTo(30));
        clock.advance(Duration.ofSeconds(30));
        limiter.acquire(1, Game.FOOL);
    }

    @Test
    void playersAndGamesHaveTheirOwnAllowance() {
        limiter.acquire(1, Game.FOOL);
        limiter.acquire(2, Game.FOOL);
        limiter.acquire(1, Game.FORGE);
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-23T10:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
