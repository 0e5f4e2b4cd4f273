package org.adversarialarena.round;

import java.time.Duration;
import org.adversarialarena.base.security.ClientSession;
import org.adversarialarena.quota.Admission;
import org.adversarialarena.quota.RateLimit;
import org.adversarialarena.quota.RateLimiter;
import org.adversarialarena.quota.Spacing;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps each player's submissions to a sane rate per game: at least {@code min-interval} apart and
 * at most {@code per-minute} in each minute. Every submission costs the server a model run and a
 * database write, so a script must not be able to flood either. Counted by the {@link RateLimiter}
 * in PostgreSQL, so the limit holds across app nodes. The minute is a fixed window (at most twice the
 * count across a boundary); the spacing is measured from the last submission.
 *
 * <p>Players cost nothing to make, so the browser session is limited too: at most
 * {@code per-minute-per-session} submissions per game in each minute, whichever players it holds.
 */
@Component
public class SubmissionLimiter {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final RateLimiter limiter;
    private final @Nullable Spacing spacing;
    private final RateLimit perMinute;
    private final RateLimit perSessionMinute;

    SubmissionLimiter(RateLimiter limiter, @Value("${arena.submissions.min-interval:2s}") Duration minInterval,
            @Value("${arena.submissions.per-minute:12}") int perMinute,
            @Value("${arena.submissions.per-minute-per-session:20}") int perMinutePerSession) {
        if (minInterval.isNegative() || perMinute < 1 || perMinutePerSession < 1) {
            throw new IllegalArgumentException(
                    "arena.submissions.min-interval must be >= 0, per-minute and per-minute-per-session >= 1");
        }
        this.limiter = limiter;
        this.spacing = minInterval.isZero() ? null : new Spacing("submission-spacing", minInterval);
        this.perMinute = new RateLimit("submissions-per-minute", perMinute, MINUTE);
        this.perSessionMinute = new RateLimit("submissions-per-minute-session", perMinutePerSession, MINUTE);
    }

    /**
     * Records a submission, or throws {@link TooManySubmissionsException} if it comes too soon. A
     * refusal records nothing: the minute is only read until the spacing admits the submission.
     */
    public void acquire(long playerId, Game game) {
        acquire(playerId, game, ClientSession.current());
    }

    /** As {@link #acquire(long, Game)}, from the browser session {@code sessionKey} (null: none known). */
    void acquire(long playerId, Game game, @Nullable String sessionKey) {
        String key = game.id() + ":" + playerId;
        String sessionGameKey = sessionKey == null ? null : game.id() + ":" + sessionKey;
        admitOrThrow(limiter.check(perMinute, key));
        if (sessionGameKey != null) {
            admitOrThrow(limiter.check(perSessionMinute, sessionGameKey));
        }
        if (spacing != null) {
            admitOrThrow(limiter.space(spacing, key));
        }
        admitOrThrow(limiter.hit(perMinute, key));
        if (sessionGameKey != null) {
            admitOrThrow(limiter.hit(perSessionMinute, sessionGameKey));
        }
    }

    private static void admitOrThrow(Admission admission) {
        if (!admission.allowed()) {
            throw new TooManySubmissionsException(admission.retryAfter());
        }
    }
}
