package org.adversarialarena.leaderboard;

import java.time.Instant;

/** One line of a leaderboard: a player's best score on a board and their place. */
public record Standing(int rank, long playerId, String nickname, double points, long roundId, Instant achievedAt) {
}
