package org.adversarialarena.base.live;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one thing's reload at most once per interval: the first change runs it at once, the changes
 * within the interval after that run become one run at the interval's end. A thing that changes with
 * every submission would otherwise send every follower one update per submission, so the work of
 * pushing grew with the square of the players.
 *
 * <p>Every run goes through the one delivery thread, so two reloads of a thing never overlap and
 * followers get its states in order. A change that arrives before a queued run starts is covered by
 * that run, which has not reloaded yet.
 */
final class PacedReload {

    private static final Logger log = LoggerFactory.getLogger(PacedReload.class);

    private final Runnable reload;
    private final long intervalNanos;
    private final ScheduledExecutorService deliveries;
    private boolean queued;
    private boolean ranBefore;
    private long lastStartNanos;

    PacedReload(Runnable reload, Duration interval, ScheduledExecutorService deliveries) {
        this.reload = reload;
        this.intervalNanos = interval.toNanos();
        this.deliveries = deliveries;
    }

    /** The thing changed: reload now, or at the end of the interval since the last reload began. */
    synchronized void changed() {
        if (queued) {
            return;
        }
        queued = true;
        long wait = ranBefore ? intervalNanos - (System.nanoTime() - lastStartNanos) : 0;
        deliveries.schedule(this::run, Math.max(0, wait), TimeUnit.NANOSECONDS);
    }

    private void run() {
        synchronized (this) {
            queued = false;
            ranBefore = true;
            lastStartNanos = System.nanoTime();
        }
        try {
            reload.run();
        } catch (RuntimeException e) {
            // A scheduled task's exception would vanish with its future; the next change reloads again.
            log.warn("A live feed's reload failed", e);
        }
    }
}
