package org.adversarialarena.competition.forgetrack;

import java.time.Instant;

/**
 * An entrant's best forgery of a Forge track, as the detective judged it again at the end: its points
 * (the Forge game's score, 0 if the prompt's classifier did not agree) and its image as a PNG.
 */
public record ForgeResult(long entrantId, String nickname, long forgeryId, double score, double realProbability,
        Instant forgedAt, byte[] png) {
}
