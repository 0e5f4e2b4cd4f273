package org.adversarialarena.ml.attack;

import java.util.List;
import org.adversarialarena.ml.serve.ImageClassifier;

/**
 * An attack that works on a whole batch at once: one image is a batch of one with its trace
 * recorded, a batch is run without traces (they would cost memory nobody replays).
 */
public interface BatchedAttack<M extends ImageClassifier> extends Attack<M> {

    /** Attacks each image towards its goal in one batched run; {@code tracing} records every step. */
    List<AttackResult> run(M model, float[][] images, List<AttackGoal> goals, boolean tracing);

    @Override
    default AttackResult attack(M model, float[] image, AttackGoal goal) {
        return run(model, new float[][] {image}, List.of(goal), true).get(0);
    }

    @Override
    default List<AttackResult> attack(M model, float[][] images, List<AttackGoal> goals) {
        return run(model, images, goals, false);
    }
}
