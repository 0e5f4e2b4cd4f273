package org.adversarialarena.quota;

import java.time.Duration;

/**
 * A named limit: at most {@code limit} hits per key in each fixed {@code window}. The name keeps
 * limits apart in the shared table (sign-in failures per account, per address, join attempts...).
 */
public record RateLimit(String name, int limit, Duration window) {

    /** Ended windows are purged after a day, so no window may be longer. */
    static final Duration LONGEST_WINDOW = Duration.ofDays(1);

    public RateLimit {
        if (name.isBlank() || name.length() > 40) {
            throw new IllegalArgumentException("A rate limit's name has 1 to 40 characters");
        }
        if (limit < 1 || window.toSeconds() < 1 || window.compareTo(LONGEST_WINDOW) > 0) {
            throw new IllegalArgumentException(
                    "A rate limit allows at least one hit in a window of one second to one day");
        }
    }
}
