package org.adversarialarena.competition;

import org.adversarialarena.ml.model.ClassifierId;
import org.jspecify.annotations.Nullable;

/**
 * A hosted competition: its settings, its host, for a private one the code that lets players in, and the
 * version of its target model, fixed when it was hosted so that every attack is judged by the same network.
 */
public record Competition(long id, long ownerId, CompetitionSettings settings, @Nullable String joinCode,
        int modelVersion) {

    /** The shipped classifier every attack of this competition is judged by. */
    public ClassifierId target() {
        return ClassifierId.parse(settings.modelName(), modelVersion);
    }
}
