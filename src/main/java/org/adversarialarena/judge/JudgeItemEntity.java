package org.adversarialarena.judge;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import org.adversarialarena.ml.image.ImagePng;
import org.jspecify.annotations.Nullable;

/** One image of a session, where it came from, what the detective said, and the player's answer. */
@Entity
@Table(name = "judge_item")
class JudgeItemEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(name = "session_id", nullable = false)
    private long sessionId;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false)
    private boolean qualification;

    @Column(nullable = false)
    private boolean real;

    @Column(nullable = false, length = 64)
    private String source;

    @Column(name = "class_index", nullable = false)
    private int classIndex;

    @Column(nullable = false, length = 120)
    private String reference;

    @Column(nullable = false)
    private byte[] png;

    @Column(name = "image_digest", nullable = false, length = 64)
    private String imageDigest;

    @Column(name = "detective_real", nullable = false)
    private double detectiveReal;

    @Column(name = "detective_version", nullable = false)
    private long detectiveVersion;

    @Column(name = "served_at")
    private @Nullable Instant served;

    @Column(name = "exposure_ms")
    private @Nullable Integer exposureMs;

    @Column(name = "answered_fake")
    private @Nullable Boolean answeredFake;

    @Column
    private @Nullable Boolean correct;

    @Column(name = "answer_ms")
    private @Nullable Long answerMs;

    @Column(name = "answered_at")
    private @Nullable Instant answered;

    @SuppressWarnings("NullAway.Init")
    protected JudgeItemEntity() {
    }

    JudgeItemEntity(long sessionId, int position, PlannedItem item) {
        this.sessionId = sessionId;
        this.position = position;
        this.qualification = item.qualification();
        this.real = item.real();
        this.source = item.source();
        this.classIndex = item.classIndex();
        this.reference = item.reference();
        this.png = item.png();
        this.imageDigest = item.digest();
        this.detectiveReal = item.detectiveReal();
        this.detectiveVersion = item.detectiveVersion();
    }

    void serve(Instant at, @Nullable Integer exposure) {
        served = at;
        exposureMs = exposure;
    }

    void answer(boolean saysFake, Instant at) {
        if (answered != null || served == null) {
            throw new IllegalStateException("Item " + id + " is not waiting for an answer");
        }
        answeredFake = saysFake;
        correct = saysFake != real;
        answerMs = Math.max(0, Duration.between(served, at).toMillis());
        answered = at;
    }

    long id() {
        if (id == null) {
            throw new IllegalStateException("An item is read before it is saved");
        }
        return id;
    }

    int getPosition() {
        return position;
    }

    boolean isQualification() {
        return qualification;
    }

    boolean isReal() {
        return real;
    }

    String getSource() {
        return source;
    }

    int getClassIndex() {
        return classIndex;
    }

    float[] pixels() {
        return ImagePng.fromPng(png);
    }

    double getDetectiveReal() {
        return detectiveReal;
    }

    long getDetectiveVersion() {
        return detectiveVersion;
    }

    boolean isServed() {
        return served != null;
    }

    @Nullable Integer getExposureMs() {
        return exposureMs;
    }

    boolean isAnswered() {
        return answered != null;
    }

    boolean isCorrect() {
        return Boolean.TRUE.equals(correct);
    }

    boolean saidFake() {
        return Boolean.TRUE.equals(answeredFake);
    }

    long getAnswerMs() {
        return answerMs == null ? 0 : answerMs;
    }
}
