package org.adversarialarena.modelstore;

import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stores trained networks by name and version, e.g. a detective retrained during a workshop. */
@Service
@Transactional
public class ModelRegistry {

    private final StoredModelRepository models;
    private final Clock clock;

    ModelRegistry(StoredModelRepository models, Clock clock) {
        this.models = models;
        this.clock = clock;
    }

    /**
     * @throws IllegalStateException if that name and version are already stored: a version, once
     *                               published, never changes under the players who used it
     */
    public StoredModel register(String name, String version, byte[] network, String metricsJson) {
        if (models.findByNameAndVersion(name, version).isPresent()) {
            throw new IllegalStateException("Model " + name + " " + version + " is already stored");
        }
        return models.save(new StoredModel(name, version, network, metricsJson, clock.instant()));
    }

    @Transactional(readOnly = true)
    public Optional<StoredModel> find(String name, String version) {
        return models.findByNameAndVersion(name, version);
    }
}
