package org.adversarialarena.round;

import java.time.Duration;
import org.adversarialarena.quota.LimitReachedException;

/** A submission came faster than {@link SubmissionLimiter} allows; nothing was recorded. */
public class TooManySubmissionsException extends LimitReachedException {

    public TooManySubmissionsException(Duration retryAfter) {
        super("Too many submissions", retryAfter);
    }
}
