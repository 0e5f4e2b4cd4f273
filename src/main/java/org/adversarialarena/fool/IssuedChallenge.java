package org.adversarialarena.fool;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.player.Player;
import org.jspecify.annotations.Nullable;

/**
 * One held-out test image handed to one player for one level. The server keeps which image it was,
 * so a submission is always compared with the real original; a challenge closes when it is
 * submitted or given up, and cannot be used after it expires.
 */
@Entity
@Table(name = "fool_challenge")
class IssuedChallenge {

    static final String SUBMITTED = "submitted";
    static final String GIVEN_UP = "given-up";
    /** Closed because the player asked for a new image of the same level. */
    static final String REPLACED = "replaced";

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "player_id", nullable = false)
    private Player player;

    @Column(nullable = false, length = 32)
    private String level;

    @Column(nullable = false, length = 32)
    private String dataset;

    @Column(name = "image_index", nullable = false)
    private int imageIndex;

    @Column(name = "true_class", nullable = false)
    private int trueClass;

    @Column(name = "target_class")
    private @Nullable Integer targetClass;

    @Column(name = "model_name", nullable = false, length = 64)
    private String modelName;

    @Column(name = "model_version", nullable = false)
    private int modelVersion;

    @Column(name = "hidden_queries", nullable = false)
    private int hiddenQueries;

    @Column(name = "issued_at", nullable = false)
    private Instant issued;

    @Column(name = "expires_at", nullable = false)
    private Instant expires;

    @Column(name = "closed_at")
    private @Nullable Instant closed;

    @Column(name = "closed_by", length = 16)
    private @Nullable String closedBy;

    /** False for a workshop's challenge: its success is kept off the global boards and gallery. */
    @Column(nullable = false)
    private boolean ranked = true;

    @SuppressWarnings("NullAway.Init")
    protected IssuedChallenge() {
    }

    IssuedChallenge(Player player, FoolLevel level, DatasetId dataset, int imageIndex, int trueClass, int targetClass,
            String modelName, int modelVersion, Instant issued, Instant expires) {
        this.id = UUID.randomUUID();
        this.player = player;
        this.level = level.slug();
        this.dataset = dataset.slug();
        this.imageIndex = imageIndex;
        this.trueClass = trueClass;
        this.targetClass = targetClass < 0 ? null : targetClass;
        this.modelName = modelName;
        this.modelVersion = modelVersion;
        this.issued = issued;
        this.expires = expires;
    }

    IssuedChallenge unranked() {
        ranked = false;
        return this;
    }

    boolean ranked() {
        return ranked;
    }

    UUID getId() {
        return id;
    }

    Player getPlayer() {
        return player;
    }

    long playerId() {
        Long playerId = player.getId();
        return playerId == null ? -1 : playerId;
    }

    FoolLevel level() {
        return FoolLevel.fromSlug(level);
    }

    DatasetId dataset() {
        return DatasetId.fromSlug(dataset);
    }

    int imageIndex() {
        return imageIndex;
    }

    int trueClass() {
        return trueClass;
    }

    /** The class to reach on a targeted level, −1 otherwise. */
    int targetClass() {
        return targetClass == null ? -1 : targetClass;
    }

    String modelName() {
        return modelName;
    }

    int modelVersion() {
        return modelVersion;
    }

    int hiddenQueries() {
        return hiddenQueries;
    }

    void countHiddenQuery() {
        hiddenQueries++;
    }

    Instant issued() {
        return issued;
    }

    Instant expires() {
        return expires;
    }

    boolean isClosed() {
        return closed != null;
    }

    boolean isExpiredAt(Instant now) {
        return !now.isBefore(expires);
    }

    void close(String how, Instant at) {
        if (closed != null) {
            throw new IllegalStateException("Challenge " + id + " is already closed");
        }
        closed = at;
        closedBy = how;
    }
}
