package org.adversarialarena.competition;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * How many submissions an entrant has left: the daily cap counts what was submitted since midnight UTC
 * (reset at the next midnight), the total cap everything; failed evaluations count in neither.
 */
public record Allowance(int remainingToday, int remainingTotal, Instant resetsAt) {

    public int remaining() {
        return Math.min(remainingToday, remainingTotal);
    }

    /** The allowance at {@code now}, from the submission times that count. */
    static Allowance of(List<Instant> counted, int dailyCap, int totalCap, Instant now) {
        Instant midnight = now.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).toInstant();
        long today = counted.stream().filter(time -> !time.isBefore(midnight)).count();
        return new Allowance((int) Math.max(0, dailyCap - today), Math.max(0, totalCap - counted.size()),
                midnight.plus(1, ChronoUnit.DAYS));
    }
}
