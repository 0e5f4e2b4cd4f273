package org.adversarialarena.leaderboard;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import org.adversarialarena.player.Player;
import org.adversarialarena.round.Board;
import org.adversarialarena.round.Game;

/** A player's best score on one board; written only by the repository's upsert. */
@Entity
@Table(name = "leaderboard_entry")
class LeaderboardEntry {

    @Id
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private Game game;

    @Column(nullable = false, length = 32)
    private String dataset;

    @Column(nullable = false, length = 48)
    private String variant;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "player_id", nullable = false)
    private Player player;

    @Column(name = "round_id", nullable = false)
    private long roundId;

    @Column(nullable = false)
    private double points;

    @Column(name = "achieved_at", nullable = false)
    private Instant achievedAt;

    @SuppressWarnings("NullAway.Init")
    protected LeaderboardEntry() {
    }

    Board board() {
        return new Board(game, dataset, variant);
    }

    Player player() {
        return player;
    }

    long roundId() {
        return roundId;
    }

    double points() {
        return points;
    }

    Instant achievedAt() {
        return achievedAt;
    }
}
