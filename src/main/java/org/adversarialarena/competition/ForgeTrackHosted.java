package org.adversarialarena.competition;

import java.time.Instant;

/**
 * A competition was hosted with a Forge track; published inside the hosting transaction, so whoever
 * stores the track does so in it, and a failure there undoes the hosting.
 */
public record ForgeTrackHosted(long competitionId, ForgeTrack track, Instant endsAt) {
}
