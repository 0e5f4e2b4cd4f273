package org.adversarialarena.round;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import org.adversarialarena.player.Player;
import org.jspecify.annotations.Nullable;

/** One attempt by one player at one game. */
@Entity
@Table(name = "game_round")
public class GameRound {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private Game game;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "player_id", nullable = false)
    private Player player;

    @Column(nullable = false, length = 32)
    private String dataset;

    @Column(nullable = false, length = 48)
    private String variant;

    @Column(name = "started_at", nullable = false)
    private Instant started;

    @Column(name = "finished_at")
    private @Nullable Instant finished;

    @SuppressWarnings("NullAway.Init")
    protected GameRound() {
    }

    GameRound(Board board, Player player, Instant started) {
        this.game = board.game();
        this.dataset = board.dataset();
        this.variant = board.variant();
        this.player = player;
        this.started = started;
    }

    void finish(Instant at) {
        if (finished != null) {
            throw new IllegalStateException("Round " + id + " is already finished");
        }
        if (at.isBefore(started)) {
            throw new IllegalArgumentException("A round cannot finish before it started");
        }
        finished = at;
    }

    public @Nullable Long getId() {
        return id;
    }

    public Game getGame() {
        return game;
    }

    public Board getBoard() {
        return new Board(game, dataset, variant);
    }

    public Player getPlayer() {
        return player;
    }

    public Instant getStarted() {
        return started;
    }

    public @Nullable Instant getFinished() {
        return finished;
    }
}
