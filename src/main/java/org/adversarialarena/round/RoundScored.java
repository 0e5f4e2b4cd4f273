package org.adversarialarena.round;

import java.time.Instant;

/**
 * Published when the server has scored a round, inside the scoring transaction: leaderboards and
 * workshops listen to it instead of reaching into the games.
 */
public record RoundScored(long roundId, Board board, long playerId, double points, Instant at) {
}
