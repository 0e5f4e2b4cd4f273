package org.adversarialarena.competition;

import java.util.LinkedHashMap;
import java.util.Map;
import org.adversarialarena.ml.serve.ClassifierPool;
import org.springframework.stereotype.Component;

/**
 * Judged defenses as networks, loaded from exactly their stored weights. A judged defense's weights
 * never change, so the last few loaded stay in memory: every attack-phase submission faces the same
 * final defenses.
 */
@Component
class DefenseNetworks {

    private static final int KEPT = 16;

    private final DefenseStore defenses;
    private final Map<Long, ClassifierPool> loaded = new LinkedHashMap<>(KEPT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, ClassifierPool> eldest) {
            return size() > KEPT;
        }
    };

    DefenseNetworks(DefenseStore defenses) {
        this.defenses = defenses;
    }

    synchronized ClassifierPool of(long defenseId) {
        return loaded.computeIfAbsent(defenseId, id -> new ClassifierPool(DefenseJob.load(defenses.weights(id)), 1));
    }
}
