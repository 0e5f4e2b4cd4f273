package org.adversarialarena.judge;

import org.adversarialarena.ml.metrics.Staircase;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Judge sessions are made and measured (docs/judge.md).
 *
 * @param perKind            real and generated images in a session, each, unless the player chooses
 * @param minPerKind         the fewest a player may choose
 * @param maxPerKind         the most a player may choose
 * @param warmUpPairs        easy real/fake pairs at the start that must all be answered correctly
 *                           before a player's answers count toward the generators
 * @param sessionsPerHour    new sessions per player per hour (each costs generator and detective runs)
 * @param crowdGallery       how many of Forge's latest fooling forgeries the crowd generator draws from
 * @param startMs            timed mode's first exposure
 * @param shortestMs         timed mode's shortest exposure
 * @param longestMs          timed mode's longest exposure
 * @param stepFactor         an exposure is multiplied by this after enough correct answers, divided after a wrong one
 * @param downAfter          correct answers in a row that shorten the exposure
 * @param resamples          bootstrap resamples of the evaluators
 */
@ConfigurationProperties("arena.judge")
record JudgeProperties(@DefaultValue("20") int perKind, @DefaultValue("5") int minPerKind,
        @DefaultValue("50") int maxPerKind, @DefaultValue("2") int warmUpPairs,
        @DefaultValue("20") int sessionsPerHour, @DefaultValue("200") int crowdGallery,
        @DefaultValue("500") int startMs, @DefaultValue("50") int shortestMs, @DefaultValue("2000") int longestMs,
        @DefaultValue("0.8") double stepFactor, @DefaultValue("2") int downAfter,
        @DefaultValue("1000") int resamples) {

    JudgeProperties {
        if (minPerKind < 1 || minPerKind > perKind || perKind > maxPerKind) {
            throw new IllegalArgumentException("arena.judge.* needs 1 <= min-per-kind <= per-kind <= max-per-kind");
        }
        if (warmUpPairs < 0 || sessionsPerHour < 1 || crowdGallery < 0) {
            throw new IllegalArgumentException("arena.judge.warm-up-pairs, sessions-per-hour, crowd-gallery must be >= 0 / >= 1");
        }
        // Fields are assigned after this block: validate the parameters themselves.
        new Staircase(startMs, shortestMs, longestMs, stepFactor, downAfter);
    }

    Staircase staircase() {
        return new Staircase(startMs, shortestMs, longestMs, stepFactor, downAfter);
    }
}
