package org.adversarialarena.quota;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Caps the live judgements (one per canvas stroke) of one session in each second. Counted in this
 * node's memory, unlike the other limits, on purpose: a session is sticky to one node (Vaadin keeps
 * its UI in that node's memory), so the node's count is the session's exact count; and a stroke's
 * judgement takes milliseconds, so a database round trip for each would cost about as much as the
 * judgement it guards. Keys are opaque, so no web framework reaches in here.
 */
@Component
public class LiveJudgingLimiter {

    private static final int FORGET_IDLE_ABOVE = 10_000;

    private record Second(long epochSecond, int judgements) {
    }

    private final Clock clock;
    private final int perSecond;
    private final Map<String, Second> seconds = new ConcurrentHashMap<>();

    public LiveJudgingLimiter(Clock clock, @Value("${arena.judging.per-second:20}") int perSecond) {
        if (perSecond < 1) {
            throw new IllegalArgumentException("arena.judging.per-second must be at least 1, was " + perSecond);
        }
        this.clock = clock;
        this.perSecond = perSecond;
    }

    /** Counts a judgement of the session and says whether it is within the cap. */
    public boolean admit(String sessionKey) {
        long now = Math.floorDiv(clock.millis(), 1000L);
        if (seconds.size() > FORGET_IDLE_ABOVE) {
            seconds.values().removeIf(second -> second.epochSecond() < now);
        }
        Second counted = seconds.merge(sessionKey, new Second(now, 1),
                (last, first) -> last.epochSecond() == now ? new Second(now, last.judgements() + 1) : first);
        return counted.judgements() <= perSecond;
    }

    /** The admission of one session, for a page's state holder that should not know the key's origin. */
    public BooleanSupplier forSession(String sessionKey) {
        return () -> admit(sessionKey);
    }
}
