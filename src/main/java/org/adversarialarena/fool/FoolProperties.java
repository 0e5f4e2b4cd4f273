package org.adversarialarena.fool;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the Fool game.
 *
 * @param challengeTtl   how long a challenge image can be submitted after it was handed out
 * @param hiddenQueries  how often per challenge the Blindfold level's hidden model answers
 * @param minConfidence  a challenge image is one the judging model classifies right with at least this probability
 * @param gallerySize    how many of the best adversarial examples the gallery shows
 * @param newImagesPerMinute how many new challenge images one player may ask for per minute
 * @param purgeEvery     how often expired challenges that were never submitted are deleted
 */
@ConfigurationProperties("arena.fool")
public record FoolProperties(
        @DefaultValue("30m") Duration challengeTtl,
        @DefaultValue("5") int hiddenQueries,
        @DefaultValue("0.9") float minConfidence,
        @DefaultValue("8") int gallerySize,
        @DefaultValue("20") int newImagesPerMinute,
        @DefaultValue("10m") Duration purgeEvery) {

    public FoolProperties {
        if (challengeTtl.isNegative() || challengeTtl.isZero()) {
            throw new IllegalArgumentException("arena.fool.challenge-ttl must be positive, was " + challengeTtl);
        }
        if (newImagesPerMinute < 1 || purgeEvery.toSeconds() < 1) {
            throw new IllegalArgumentException(
                    "arena.fool.new-images-per-minute must be at least 1 and purge-every at least 1 s");
        }
        if (hiddenQueries < 0 || gallerySize < 0) {
            throw new IllegalArgumentException("arena.fool.hidden-queries and gallery-size must not be negative");
        }
        if (!(minConfidence > 0f && minConfidence < 1f)) {
            throw new IllegalArgumentException("arena.fool.min-confidence lies in (0, 1), was " + minConfidence);
        }
    }
}
