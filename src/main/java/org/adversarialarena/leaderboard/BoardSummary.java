package org.adversarialarena.leaderboard;

import java.time.Instant;
import org.adversarialarena.round.Board;
import org.adversarialarena.round.Game;

/** A board that has been played: how many players are on it, the best score and the latest activity. */
public record BoardSummary(Board board, long players, double bestPoints, Instant lastActivity) {

    BoardSummary(Game game, String dataset, String variant, long players, double bestPoints, Instant lastActivity) {
        this(new Board(game, dataset, variant), players, bestPoints, lastActivity);
    }
}
