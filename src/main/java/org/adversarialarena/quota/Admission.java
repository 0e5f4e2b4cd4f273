package org.adversarialarena.quota;

import java.time.Duration;

/** Whether a hit was within its limit and, if not, how long until the window ends. */
public record Admission(boolean allowed, Duration retryAfter) {

    static Admission allow() {
        return new Admission(true, Duration.ZERO);
    }

    static Admission refuse(Duration retryAfter) {
        return new Admission(false, retryAfter);
    }
}
