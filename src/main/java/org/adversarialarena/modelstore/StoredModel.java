package org.adversarialarena.modelstore;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/** A trained network (a DL4J model zip) with the metrics measured when it was made. */
@Entity
@Table(name = "stored_model")
public class StoredModel {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(nullable = false, length = 64)
    private String name;

    @Column(nullable = false, length = 32)
    private String version;

    @Column(nullable = false)
    private byte[] network;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private String metrics;

    @Column(name = "created_at", nullable = false)
    private Instant created;

    @SuppressWarnings("NullAway.Init")
    protected StoredModel() {
    }

    StoredModel(String name, String version, byte[] network, String metricsJson, Instant created) {
        this.name = name;
        this.version = version;
        this.network = network.clone();
        this.metrics = metricsJson;
        this.created = created;
    }

    public @Nullable Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getVersion() {
        return version;
    }

    public byte[] getNetwork() {
        return network.clone();
    }

    public String getMetrics() {
        return metrics;
    }

    public Instant getCreated() {
        return created;
    }
}
