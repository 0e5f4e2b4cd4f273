package org.adversarialarena.ml.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * An adaptive staircase on exposure time (Levitt, 1971), after HYPE-time (Zhou et al., NeurIPS
 * 2019): the exposure shortens by {@code factor} after {@code downAfter} correct answers in a row
 * and lengthens by the same factor after each wrong one, clamped to [{@code shortestMs},
 * {@code longestMs}]. One down after one correct would converge on 50 % correct, which in a
 * real-or-fake task is guessing; two in a row converge on about 71 %.
 *
 * <p>A staircase has no hidden state: {@link #replay} rebuilds it from the answers in order, so the
 * exposure the server issues next and the threshold it reports are recomputed from what is stored.
 */
public record Staircase(int startMs, int shortestMs, int longestMs, double factor, int downAfter) {

    public Staircase {
        if (shortestMs < 1 || shortestMs > startMs || startMs > longestMs) {
            throw new IllegalArgumentException("Exposures must satisfy 1 <= shortest <= start <= longest");
        }
        if (!(factor > 0 && factor < 1)) {
            throw new IllegalArgumentException("The step factor lies in (0, 1), was " + factor);
        }
        if (downAfter < 1) {
            throw new IllegalArgumentException("downAfter must be at least 1");
        }
    }

    /** What a sequence of answers did to the staircase. */
    public record Trace(List<Integer> exposuresMs, int nextMs, List<Integer> reversalsMs) {

        /**
         * The threshold: the geometric mean of the exposures at the reversals, leaving out the first
         * one while the staircase was still descending from its start; empty before two reversals.
         */
        public OptionalDouble thresholdMs() {
            List<Integer> counted = reversalsMs.size() > 2 ? reversalsMs.subList(1, reversalsMs.size()) : reversalsMs;
            if (counted.size() < 2) {
                return OptionalDouble.empty();
            }
            double logSum = 0;
            for (int exposure : counted) {
                logSum += Math.log(exposure);
            }
            return OptionalDouble.of(Math.exp(logSum / counted.size()));
        }
    }

    /** Plays the answers in order: {@code correct.get(i)} is the answer at the i-th exposure. */
    public Trace replay(List<Boolean> correct) {
        List<Integer> exposures = new ArrayList<>(correct.size());
        List<Integer> reversals = new ArrayList<>();
        double exposure = startMs;
        int streak = 0;
        int lastDirection = 0;
        for (boolean right : correct) {
            int shown = (int) Math.round(exposure);
            exposures.add(shown);
            int direction = 0;
            if (right) {
                streak++;
                if (streak >= downAfter) {
                    streak = 0;
                    direction = -1;
                }
            } else {
                streak = 0;
                direction = 1;
            }
            if (direction != 0) {
                if (lastDirection != 0 && direction != lastDirection) {
                    reversals.add(shown);
                }
                lastDirection = direction;
                exposure = clamp(direction < 0 ? exposure * factor : exposure / factor);
            }
        }
        return new Trace(List.copyOf(exposures), (int) Math.round(exposure), List.copyOf(reversals));
    }

    private double clamp(double exposure) {
        return Math.max(shortestMs, Math.min(longestMs, exposure));
    }
}
