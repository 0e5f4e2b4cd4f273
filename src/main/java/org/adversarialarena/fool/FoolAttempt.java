package org.adversarialarena.fool;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import org.adversarialarena.ml.image.ImagePng;
import org.adversarialarena.player.Player;
import org.jspecify.annotations.Nullable;

/** A submitted attempt as the server judged it; the images are kept as PNG. */
@Entity
@Table(name = "fool_attempt")
class FoolAttempt {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @OneToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "challenge_id", nullable = false, unique = true)
    private IssuedChallenge challenge;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "player_id", nullable = false)
    private Player player;

    @Column(name = "round_id")
    private @Nullable Long roundId;

    @Column(nullable = false, length = 32)
    private String level;

    @Column(nullable = false, length = 32)
    private String dataset;

    @Column(name = "model_name", nullable = false, length = 64)
    private String modelName;

    @Column(name = "model_version", nullable = false)
    private int modelVersion;

    @Column(name = "true_class", nullable = false)
    private int trueClass;

    @Column(name = "target_class")
    private @Nullable Integer targetClass;

    @Column(name = "original_png", nullable = false)
    private byte[] originalPng;

    @Column(name = "adversarial_png", nullable = false)
    private byte[] adversarialPng;

    @Column(name = "predicted_class", nullable = false)
    private int predictedClass;

    @Column(nullable = false)
    private float confidence;

    @Column(nullable = false)
    private boolean success;

    @Column(nullable = false)
    private boolean flagged;

    @Column(nullable = false)
    private int l0;

    @Column(nullable = false)
    private float linf;

    @Column(nullable = false)
    private float l2;

    @Column(name = "budget_used", nullable = false)
    private float budgetUsed;

    @Column(nullable = false)
    private double points;

    @Column(name = "submitted_at", nullable = false)
    private Instant submitted;

    /** When the result reached the player's page; null while it has not (see {@code V15__results_shown.sql}). */
    @Column(name = "shown_at")
    private @Nullable Instant shownAt;

    @SuppressWarnings("NullAway.Init")
    protected FoolAttempt() {
    }

    FoolAttempt(IssuedChallenge challenge, float[] original, float[] adversarial, Verdict verdict, BudgetUse use,
            double points, @Nullable Long roundId, Instant submitted) {
        this.challenge = challenge;
        this.player = challenge.getPlayer();
        this.roundId = roundId;
        this.level = challenge.level().slug();
        this.dataset = challenge.dataset().slug();
        this.modelName = challenge.modelName();
        this.modelVersion = challenge.modelVersion();
        this.trueClass = challenge.trueClass();
        this.targetClass = challenge.targetClass() < 0 ? null : challenge.targetClass();
        this.originalPng = ImagePng.toPng(original);
        this.adversarialPng = ImagePng.toPng(adversarial);
        this.predictedClass = verdict.predictedClass();
        this.confidence = verdict.confidence();
        this.success = verdict.success();
        this.flagged = verdict.flagged();
        this.l0 = use.change().l0();
        this.linf = use.change().linf();
        this.l2 = use.change().l2();
        this.budgetUsed = use.usedFraction();
        this.points = points;
        this.submitted = submitted;
    }

    @Nullable Long getId() {
        return id;
    }

    Player getPlayer() {
        return player;
    }

    @Nullable Long roundId() {
        return roundId;
    }

    String level() {
        return level;
    }

    String dataset() {
        return dataset;
    }

    String modelName() {
        return modelName;
    }

    int modelVersion() {
        return modelVersion;
    }

    int trueClass() {
        return trueClass;
    }

    /** The class to reach on a targeted level, −1 otherwise. */
    int targetClass() {
        return targetClass == null ? -1 : targetClass;
    }

    float[] original() {
        return ImagePng.fromPng(originalPng);
    }

    float[] adversarial() {
        return ImagePng.fromPng(adversarialPng);
    }

    int predictedClass() {
        return predictedClass;
    }

    float confidence() {
        return confidence;
    }

    boolean success() {
        return success;
    }

    int l0() {
        return l0;
    }

    float linf() {
        return linf;
    }

    float l2() {
        return l2;
    }

    double points() {
        return points;
    }

    Instant submitted() {
        return submitted;
    }
}
