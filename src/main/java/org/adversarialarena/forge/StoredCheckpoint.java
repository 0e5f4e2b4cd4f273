package org.adversarialarena.forge;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.ml.detective.DetectiveCheckpoint;
import org.jspecify.annotations.Nullable;

/**
 * A detective checkpoint as a row: the network zip and its counters (the loss curve as comma-separated
 * text, the catch rate's window as a string of '1' caught and '0' let through), and the last stored
 * forgery those counters include.
 */
@Entity
@Table(name = "detective_checkpoint")
class StoredCheckpoint {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(nullable = false, length = 32)
    private String dataset;

    /** Null for the global detective; a workshop run's id for its class detective. */
    @Column(name = "workshop_run_id")
    private @Nullable Long workshopRunId;

    /** The shipped GAN pair whose discriminator this detective went live from. */
    @Column(name = "gan_version", nullable = false)
    private int ganVersion;

    @Column(nullable = false)
    private long version;

    @Column(name = "forgeries_seen", nullable = false)
    private long forgeriesSeen;

    @Column(nullable = false)
    private byte[] network;

    @Column(name = "loss_curve", nullable = false)
    private String lossCurve;

    @Column(name = "recent_catches", nullable = false)
    private String recentCatches;

    @Column(nullable = false)
    private int rollbacks;

    @Column(name = "last_forgery_id", nullable = false)
    private long lastForgeryId;

    @Column(name = "created_at", nullable = false)
    private Instant created;

    @SuppressWarnings("NullAway.Init")
    protected StoredCheckpoint() {
    }

    StoredCheckpoint(DetectiveScope scope, int ganVersion, DetectiveCheckpoint checkpoint, long lastForgeryId,
            Instant created) {
        this.dataset = checkpoint.dataset().slug();
        this.workshopRunId = scope.workshopRunId();
        this.ganVersion = ganVersion;
        this.version = checkpoint.version();
        this.forgeriesSeen = checkpoint.forgeriesSeen();
        this.network = checkpoint.network();
        this.lossCurve = checkpoint.lossCurve().stream().map(loss -> String.format(Locale.ROOT, "%.6g", loss))
                .collect(Collectors.joining(","));
        this.recentCatches = catches(checkpoint);
        this.rollbacks = checkpoint.rollbacks();
        this.lastForgeryId = lastForgeryId;
        this.created = created;
    }

    DetectiveCheckpoint toCheckpoint() {
        List<Double> losses = lossCurve.isBlank() ? List.of()
                : Arrays.stream(lossCurve.split(",")).map(Double::parseDouble).toList();
        List<Boolean> catches = recentCatches.chars().mapToObj(c -> c == '1').toList();
        return new DetectiveCheckpoint(DatasetId.fromSlug(dataset), version, forgeriesSeen, network, losses, catches,
                rollbacks);
    }

    /** The catch rate's window as stored: '1' caught, '0' let through, oldest first. */
    static String catches(DetectiveCheckpoint checkpoint) {
        return checkpoint.recentCatches().stream().map(caught -> caught ? "1" : "0").collect(Collectors.joining());
    }

    long getLastForgeryId() {
        return lastForgeryId;
    }

    long getVersion() {
        return version;
    }

    Instant getCreated() {
        return created;
    }
}
