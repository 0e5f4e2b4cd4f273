package org.adversarialarena.round;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Points the server computed for a round; never a figure the browser sent. */
@Entity
@Table(name = "score")
public class Score {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "round_id", nullable = false)
    private GameRound round;

    @Column(nullable = false)
    private double points;

    @Column(name = "created_at", nullable = false)
    private Instant created;

    @SuppressWarnings("NullAway.Init")
    protected Score() {
    }

    Score(GameRound round, double points, Instant created) {
        if (!Double.isFinite(points)) {
            throw new IllegalArgumentException("Points must be a finite number, not " + points);
        }
        this.round = round;
        this.points = points;
        this.created = created;
    }

    public @Nullable Long getId() {
        return id;
    }

    public GameRound getRound() {
        return round;
    }

    public double getPoints() {
        return points;
    }

    public Instant getCreated() {
        return created;
    }
}
