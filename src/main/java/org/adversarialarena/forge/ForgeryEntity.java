package org.adversarialarena.forge;

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
import org.adversarialarena.ml.detective.DetectiveVerdict;
import org.adversarialarena.ml.image.ImagePng;
import org.adversarialarena.player.Player;
import org.jspecify.annotations.Nullable;

/** One submitted forgery and the verdict it got. */
@Entity
@Table(name = "forgery")
class ForgeryEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "player_id", nullable = false)
    private Player player;

    @Column(name = "round_id")
    private @Nullable Long roundId;

    /** The workshop run whose class detective judged it; null for a forgery of the global game. */
    @Column(name = "workshop_run_id")
    private @Nullable Long workshopRunId;

    @Column(nullable = false, length = 32)
    private String dataset;

    @Column(name = "prompt_class", nullable = false)
    private int promptClass;

    @Column(name = "detective_version", nullable = false)
    private long detectiveVersion;

    @Column(nullable = false)
    private byte[] png;

    @Column(name = "real_probability", nullable = false)
    private double realProbability;

    @Column(name = "class_probability", nullable = false)
    private double classProbability;

    @Column(name = "classifier_agrees", nullable = false)
    private boolean classifierAgrees;

    @Column(nullable = false)
    private double score;

    @Column(name = "created_at", nullable = false)
    private Instant created;

    /** When the result reached the player's page; null while it has not (see {@code V15__results_shown.sql}). */
    @Column(name = "shown_at")
    private @Nullable Instant shownAt;

    @SuppressWarnings("NullAway.Init")
    protected ForgeryEntity() {
    }

    ForgeryEntity(Player player, @Nullable Long roundId, DetectiveScope scope, int promptClass, long detectiveVersion,
            float[] pixels, DetectiveVerdict verdict, Instant created) {
        this.player = player;
        this.roundId = roundId;
        this.workshopRunId = scope.workshopRunId();
        this.dataset = scope.dataset().slug();
        this.promptClass = promptClass;
        this.detectiveVersion = detectiveVersion;
        this.png = ImagePng.toPng(pixels);
        this.realProbability = verdict.realProbability();
        this.classProbability = verdict.classProbability();
        this.classifierAgrees = verdict.classifierAgrees();
        this.score = verdict.points();
        this.created = created;
    }

    @Nullable Long getId() {
        return id;
    }

    Player getPlayer() {
        return player;
    }

    String getDataset() {
        return dataset;
    }

    int getPromptClass() {
        return promptClass;
    }

    long getDetectiveVersion() {
        return detectiveVersion;
    }

    float[] pixels() {
        return ImagePng.fromPng(png);
    }

    double getRealProbability() {
        return realProbability;
    }

    boolean isClassifierAgrees() {
        return classifierAgrees;
    }

    double getScore() {
        return score;
    }

    Instant getCreated() {
        return created;
    }
}
