package org.adversarialarena.round;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps each player's submissions to a sane rate per game: at least {@code min-interval} apart and
 * at most {@code per-minute} in any minute. Every submission costs the server a model run and a
 * database write, so a script must not be able to flood either. Kept in memory: one app instance.
 */
@Component
public class SubmissionLimiter {

    private static final Duration WINDOW = Duration.ofMinutes(1);
    private static final int FORGET_IDLE_ABOVE = 10_000;

    private record Key(long playerId, Game game) {
    }

    private final Clock clock;
    private final Duration minInterval;
    private final int perMinute;
    private final Map<Key, Deque<Instant>> recent = new ConcurrentHashMap<>();

    SubmissionLimiter(Clock clock, @Value("${arena.submissions.min-interval:2s}") Duration minInterval,
            @Value("${arena.submissions.per-minute:12}") int perMinute) {
        if (minInterval.isNegative() || perMinute < 1) {
            throw new IllegalArgumentException("arena.submissions.min-interval must be >= 0 and per-minute >= 1");
        }
        this.clock = clock;
        this.minInterval = minInterval;
        this.perMinute = perMinute;
    }

    /** Records a submission, or throws {@link TooManySubmissionsException} (recording nothing) if it comes too soon. */
    public void acquire(long playerId, Game game) {
        Instant now = clock.instant();
        if (recent.size() > FORGET_IDLE_ABOVE) {
            forgetIdle(now);
        }
        Deque<Instant> times = recent.computeIfAbsent(new Key(playerId, game), key -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(WINDOW))) {
                times.pollFirst();
            }
            if (!times.isEmpty()) {
                Duration sinceLast = Duration.between(times.peekLast(), now);
                if (sinceLast.compareTo(minInterval) < 0) {
                    throw new TooManySubmissionsException(minInterval.minus(sinceLast));
                }
            }
            if (times.size() >= perMinute) {
                throw new TooManySubmissionsException(Duration.between(now, times.peekFirst().plus(WINDOW)));
            }
            times.addLast(now);
        }
    }

    private void forgetIdle(Instant now) {
        recent.values().removeIf(times -> {
            synchronized (times) {
                return times.isEmpty() || !times.peekLast().isAfter(now.minus(WINDOW));
            }
        });
    }
}
