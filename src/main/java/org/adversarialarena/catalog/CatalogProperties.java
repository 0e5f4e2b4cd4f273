package org.adversarialarena.catalog;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How shipped models are served.
 *
 * @param poolCopies network copies per classifier; more copies serve more players at once, each
 *                   costs the model's memory (a LeNet is ~1.7 MB)
 */
@ConfigurationProperties("arena.models")
public record CatalogProperties(@DefaultValue("2") int poolCopies) {

    public CatalogProperties {
        if (poolCopies < 1) {
            throw new IllegalArgumentException("arena.models.pool-copies must be at least 1, was " + poolCopies);
        }
    }
}
