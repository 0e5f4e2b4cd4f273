package org.adversarialarena.round;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;
import org.adversarialarena.MutableClock;
import org.adversarialarena.quota.RateLimiter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootTest
class SubmissionLimiterIT {

    @Autowired
    JdbcTemplate jdbc;

    /** At the start of a minute, and near today, so the shared limiter's purge of old windows leaves these alone. */
    private final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.MINUTES));
    private final long player = ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50);

    private SubmissionLimiter node() {
        return new SubmissionLimiter(new RateLimiter(jdbc, clock), Duration.ofSeconds(2), 3, 4);
    }

    @Test
    void submissionsMustBeSpacedByTheMinimumInterval() {
        SubmissionLimiter limiter = node();
        limiter.acquire(player, Game.FOOL);
        clock.advance(Duration.ofMillis(500));

        assertThatThrownBy(() -> limiter.acquire(player, Game.FOOL)).isInstanceOfSatisfying(
                TooManySubmissionsException.class, e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofMillis(1500)));
        clock.advance(Duration.ofMillis(1500));
        limiter.acquire(player, Game.FOOL);
    }

    @Test
    void atMostThePerMinuteCountInAMinute() {
        SubmissionLimiter limiter = node();
        for (int i = 0; i < 3; i++) {
            limiter.acquire(player, Game.FOOL);
            clock.advance(Duration.ofSeconds(10));
        }
        assertThatThrownBy(() -> limiter.acquire(player, Game.FOOL)).isInstanceOfSatisfying(
                TooManySubmissionsException.class, e -> assertThat(e.retryAfterSeconds()).isEqualTo(30));
        clock.advance(Duration.ofSeconds(30));
        limiter.acquire(player, Game.FOOL);
    }

    @Test
    void aSubmissionRefusedForComingTooSoonCostsNothingOfTheMinute() {
        SubmissionLimiter limiter = node();
        for (int i = 0; i < 3; i++) {
            limiter.acquire(player, Game.FOOL);
            clock.advance(Duration.ofMillis(500));
            assertThatThrownBy(() -> limiter.acquire(player, Game.FOOL))
                    .isInstanceOf(TooManySubmissionsException.class);
            clock.advance(Duration.ofMillis(1500));
        }
        assertThatThrownBy(() -> limiter.acquire(player, Game.FOOL)).isInstanceOf(TooManySubmissionsException.class);
    }

    @Test
    void twoNodesShareTheCount() {
        SubmissionLimiter nodeA = node();
        SubmissionLimiter nodeB = node();
        nodeA.acquire(player, Game.FORGE);
        assertThatThrownBy(() -> nodeB.acquire(player, Game.FORGE)).isInstanceOf(TooManySubmissionsException.class);
        clock.advance(Duration.ofSeconds(2));
        nodeB.acquire(player, Game.FORGE);
        clock.advance(Duration.ofSeconds(2));
        nodeA.acquire(player, Game.FORGE);
        clock.advance(Duration.ofSeconds(2));
        assertThatThrownBy(() -> nodeB.acquire(player, Game.FORGE)).isInstanceOf(TooManySubmissionsException.class);
    }

    /** Throw-away players share their browser session's allowance (issue 24). */
    @Test
    void theSessionsAllowanceHoldsWhicheverPlayersItHolds() {
        SubmissionLimiter limiter = node();
        String session = "session:" + player;
        for (int i = 0; i < 4; i++) {
            limiter.acquire(player + i, Game.FOOL, session);
        }
        assertThatThrownBy(() -> limiter.acquire(player + 10, Game.FOOL, session))
                .isInstanceOf(TooManySubmissionsException.class);
        assertThatCode(() -> limiter.acquire(player + 10, Game.FOOL, "session:other-" + player))
                .as("another session").doesNotThrowAnyException();
        assertThatCode(() -> limiter.acquire(player + 11, Game.FORGE, session)).as("another game")
                .doesNotThrowAnyException();
        clock.advance(Duration.ofMinutes(1));
        assertThatCode(() -> limiter.acquire(player + 12, Game.FOOL, session)).doesNotThrowAnyException();
    }

    @Test
    void playersAndGamesHaveTheirOwnAllowance() {
        SubmissionLimiter limiter = node();
        limiter.acquire(player, Game.FOOL);
        assertThatCode(() -> limiter.acquire(player + 1, Game.FOOL)).doesNotThrowAnyException();
        assertThatCode(() -> limiter.acquire(player, Game.FORGE)).doesNotThrowAnyException();
    }
}
