package org.adversarialarena.quota;

import java.time.Duration;

/**
 * A named rule that admitted hits of one key are at least {@code interval} apart, measured from the
 * last admitted hit (not in fixed windows), e.g. the time between two submissions of a player.
 */
public record Spacing(String name, Duration interval) {

    public Spacing {
        if (name.isBlank() || name.length() > 40) {
            throw new IllegalArgumentException("A spacing's name has 1 to 40 characters");
        }
        if (interval.isNegative() || interval.isZero() || interval.compareTo(RateLimit.LONGEST_WINDOW) > 0) {
            throw new IllegalArgumentException("A spacing lies between a millisecond and a day");
        }
    }
}
