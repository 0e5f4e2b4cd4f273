package org.adversarialarena.e2e.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/** What the virtual players saw, counted at the driver; safe to update from every player's thread. */
final class LoadMetrics {

    private static final int KEPT_ERRORS = 20;

    private long[] strokeNanos = new long[1 << 16];
    private int strokeCount;
    /** Fool's strokes alone, to compare with real browsers, which play Fool. */
    private long[] foolStrokeNanos = new long[1 << 15];
    private int foolStrokeCount;
    private long[] submitNanos = new long[1 << 10];
    private int submitCount;
    final AtomicLong strokesSent = new AtomicLong();
    final AtomicLong strokesAnswered = new AtomicLong();
    final AtomicLong strokesTooFast = new AtomicLong();
    final AtomicLong submitsSent = new AtomicLong();
    final AtomicLong accepted = new AtomicLong();
    final AtomicLong acceptedFool = new AtomicLong();
    final AtomicLong acceptedForge = new AtomicLong();
    final AtomicLong refused = new AtomicLong();
    final AtomicLong requests = new AtomicLong();
    final AtomicLong pushed = new AtomicLong();
    /** Push handshakes that failed and succeeded on a later try, as the browser's client engine retries them. */
    final AtomicLong pushRetries = new AtomicLong();
    final AtomicLong playersStarted = new AtomicLong();
    final AtomicLong errors = new AtomicLong();
    /** Answers that told the player the database could not be reached (a fault run's outage). */
    final AtomicLong toldDatabaseAway = new AtomicLong();
    /** Failures while the app was down (a kill run), counted apart from {@link #errors}. */
    final AtomicLong interrupted = new AtomicLong();
    /** Pages opened again after the app came back, each as the same player (its resume token). */
    final AtomicLong resumed = new AtomicLong();
    /** Reopened pages that showed their player a stored result they had not seen ({@code #unseen-results}). */
    final AtomicLong toldUnseen = new AtomicLong();
    /** Submissions whose request failed (the app died under them): stored or not, never answered. */
    final AtomicLong submitsLost = new AtomicLong();
    /** While the app is down and starting again, failures are the fault's, not errors. */
    private volatile long faultFromNanos = Long.MAX_VALUE;
    private volatile long faultUntilNanos = Long.MAX_VALUE;
    private final List<String> firstErrors = new ArrayList<>();
    /** What the pages said when they refused a submission, by text, with how often. */
    final ConcurrentMap<String, AtomicLong> refusals = new ConcurrentHashMap<>();

    /** Round trips of strokes sent before this moment (the ramp-up: page loads, cold caches) are not kept. */
    volatile long measureFromNanos = Long.MIN_VALUE;

    synchronized void stroke(long sentAtNanos, long nanos, boolean fool) {
        if (sentAtNanos < measureFromNanos) {
            return;
        }
        if (strokeCount == strokeNanos.length) {
            strokeNanos = Arrays.copyOf(strokeNanos, strokeNanos.length * 2);
        }
        strokeNanos[strokeCount++] = nanos;
        if (fool) {
            if (foolStrokeCount == foolStrokeNanos.length) {
                foolStrokeNanos = Arrays.copyOf(foolStrokeNanos, foolStrokeNanos.length * 2);
            }
            foolStrokeNanos[foolStrokeCount++] = nanos;
        }
    }

    synchronized void submit(long nanos) {
        if (submitCount == submitNanos.length) {
            submitNanos = Arrays.copyOf(submitNanos, submitNanos.length * 2);
        }
        submitNanos[submitCount++] = nanos;
    }

    /** The app went down now; failures count as {@link #interrupted} until {@link #faultOverIn}. */
    void faultBegins() {
        faultFromNanos = System.nanoTime();
    }

    /** The app is back: failures still count as the fault's for {@code grace} (the pages reopening). */
    void faultOverIn(Duration grace) {
        faultUntilNanos = System.nanoTime() + grace.toNanos();
    }

    void refused(String said) {
        refused.incrementAndGet();
        refusals.computeIfAbsent(said, any -> new AtomicLong()).incrementAndGet();
    }

    void error(String what) {
        long now = System.nanoTime();
        if (now >= faultFromNanos && now <= faultUntilNanos) {
            interrupted.incrementAndGet();
            return;
        }
        errors.incrementAndGet();
        synchronized (firstErrors) {
            if (firstErrors.size() < KEPT_ERRORS) {
                firstErrors.add(what);
            }
        }
    }

    List<String> firstErrors() {
        synchronized (firstErrors) {
            return List.copyOf(firstErrors);
        }
    }

    /** Percentile {@code p} (0–100) of the stroke round trips, in milliseconds; NaN if none. */
    synchronized double strokeMillis(double p) {
        return percentile(strokeNanos, strokeCount, p);
    }

    /** The same, of Fool's strokes alone. */
    synchronized double foolStrokeMillis(double p) {
        return percentile(foolStrokeNanos, foolStrokeCount, p);
    }

    synchronized double submitMillis(double p) {
        return percentile(submitNanos, submitCount, p);
    }

    private static double percentile(long[] values, int count, double p) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        int index = (int) Math.min(count - 1, Math.max(0, Math.ceil(p / 100 * count) - 1));
        return sorted[index] / 1e6;
    }
}
