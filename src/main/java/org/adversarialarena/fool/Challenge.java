package org.adversarialarena.fool;

import java.time.Instant;
import java.util.UUID;
import org.adversarialarena.ml.attack.AttackGoal;
import org.adversarialarena.ml.data.DatasetId;

/**
 * A challenge as a player's screen needs it: the image to edit, its class, the target (−1 when
 * untargeted), the budget and how many hidden-model answers remain.
 */
public record Challenge(UUID id, FoolLevel level, DatasetId dataset, float[] original, int trueClass, int targetClass,
        Budget budget, Instant expires, int hiddenQueriesLeft) {

    public Challenge {
        original = original.clone();
    }

    /** A copy: the original must not change under whoever holds the challenge. */
    @Override
    public float[] original() {
        return original.clone();
    }

    public AttackGoal goal() {
        return targetClass < 0 ? AttackGoal.untargeted(trueClass) : AttackGoal.targeted(trueClass, targetClass);
    }

    /** The same challenge after the hidden model answered once more. */
    public Challenge afterHiddenAnswer() {
        return new Challenge(id, level, dataset, original, trueClass, targetClass, budget, expires,
                Math.max(0, hiddenQueriesLeft - 1));
    }

    /** An edit as signed change per pixel (edited minus original), for a heat map. */
    public float[] differenceTo(float[] edited) {
        float[] difference = new float[original.length];
        for (int i = 0; i < difference.length; i++) {
            difference[i] = edited[i] - original[i];
        }
        return difference;
    }

    public boolean targeted() {
        return targetClass >= 0;
    }
}
