package org.adversarialarena.round;

import java.time.Duration;

/** A submission came faster than {@link SubmissionLimiter} allows; nothing was recorded. */
public class TooManySubmissionsException extends RuntimeException {

    private final Duration retryAfter;

    public TooManySubmissionsException(Duration retryAfter) {
        super("Too many submissions; try again in " + Math.max(1, (retryAfter.toMillis() + 999) / 1000) + " s");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whole seconds to wait, at least 1, for messages. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
