package org.adversarialarena.judge;

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
import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.player.Player;
import org.jspecify.annotations.Nullable;

/** One player's Judge session: its dataset, mode and warm-up, and once played, its outcome. */
@Entity
@Table(name = "judge_session")
class JudgeSessionEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "player_id", nullable = false)
    private Player player;

    @Column(nullable = false, length = 32)
    private String dataset;

    @Column(nullable = false)
    private boolean timed;

    @Column(name = "qualification_items", nullable = false)
    private int qualificationItems;

    @Column(name = "item_count", nullable = false)
    private int itemCount;

    @Column
    private @Nullable Boolean qualified;

    @Column(name = "threshold_ms")
    private @Nullable Double thresholdMs;

    @Column(name = "round_id")
    private @Nullable Long roundId;

    @Column(name = "created_at", nullable = false)
    private Instant created;

    @Column(name = "finished_at")
    private @Nullable Instant finished;

    @SuppressWarnings("NullAway.Init")
    protected JudgeSessionEntity() {
    }

    JudgeSessionEntity(Player player, DatasetId dataset, JudgeMode mode, int qualificationItems, int itemCount,
            Instant created) {
        this.player = player;
        this.dataset = dataset.slug();
        this.timed = mode == JudgeMode.TIMED;
        this.qualificationItems = qualificationItems;
        this.itemCount = itemCount;
        // A session without warm-up counts from its first answer.
        this.qualified = qualificationItems == 0 ? Boolean.TRUE : null;
        this.created = created;
    }

    @Nullable Long getId() {
        return id;
    }

    Player getPlayer() {
        return player;
    }

    DatasetId dataset() {
        return DatasetId.fromSlug(dataset);
    }

    JudgeMode mode() {
        return timed ? JudgeMode.TIMED : JudgeMode.UNTIMED;
    }

    int getQualificationItems() {
        return qualificationItems;
    }

    @Nullable Boolean getQualified() {
        return qualified;
    }

    void qualify(boolean passed) {
        qualified = passed;
    }

    void finish(@Nullable Double threshold, @Nullable Long round, Instant at) {
        thresholdMs = threshold;
        roundId = round;
        finished = at;
    }
}
