package org.adversarialarena.quota;

import java.time.Duration;

/** A costly action came faster than its limit allows; nothing was done. Says how long to wait. */
public class LimitReachedException extends RuntimeException {

    private final Duration retryAfter;

    public LimitReachedException(String what, Duration retryAfter) {
        super(what + "; try again in " + secondsOf(retryAfter) + " s");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whole seconds to wait, at least 1, for messages. */
    public long retryAfterSeconds() {
        return secondsOf(retryAfter);
    }

    private static long secondsOf(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
