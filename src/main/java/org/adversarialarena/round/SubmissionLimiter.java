package org.adversarialarena.round;

import java.time.Duration;
import org.adversarialarena.quota.Admission;
import org.adversarialarena.quota.RateLimit;
import org.adversarialarena.quota.RateLimiter;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps each player's submissions to a sane rate per game: one in each {@code min-interval} window
 * and at most {@code per-minute} in each minute. Every submission costs the server a model run and a
 * database write, so a script must not be able to flood either. Counted by the {@link RateLimiter}
 * in PostgreSQL, so the limit holds across app nodes; its windows are fixed, so two submissions may
 * come closer than {@code min-interval} across a window boundary, never more than twice the
 * per-minute count in a minute.
 */
@Component
public class SubmissionLimiter {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final RateLimiter limiter;
    private final @Nullable RateLimit spacing;
    private final RateLimit perMinute;

    SubmissionLimiter(RateLimiter limiter, @Value("${arena.submissions.min-interval:2s}") Duration minInterval,
            @Value("${arena.submissions.per-minute:12}") int perMinute) {
        if (minInterval.isNegative() || (!minInterval.isZero() && minInterval.toSeconds() < 1) || perMinute < 1) {
            throw new IllegalArgumentException(
                    "arena.submissions.min-interval must be 0 or at least 1 s, and per-minute at least 1");
        }
        this.limiter = limiter;
        this.spacing = minInterval.isZero() ? null : new RateLimit("submission-spacing", 1, minInterval);
        this.perMinute = new RateLimit("submissions-per-minute", perMinute, MINUTE);
    }

    /**
     * Records a submission, or throws {@link TooManySubmissionsException} if it comes too soon. A
     * refusal does not use up the minute's count: the minute is only read until the spacing admits.
     */
    public void acquire(long playerId, Game game) {
        String key = game.id() + ":" + playerId;
        admitOrThrow(limiter.check(perMinute, key));
        if (spacing != null) {
            admitOrThrow(limiter.hit(spacing, key));
        }
        admitOrThrow(limiter.hit(perMinute, key));
    }

    private static void admitOrThrow(Admission admission) {
        if (!admission.allowed()) {
            throw new TooManySubmissionsException(admission.retryAfter());
        }
    }
}
