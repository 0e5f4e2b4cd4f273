package org.adversarialarena.ml.attack;

import java.util.ArrayList;
import java.util.List;
import org.adversarialarena.ml.serve.ImageClassifier;

/**
 * An adversarial attack on models of kind {@code M}: white-box attacks need a
 * {@link org.adversarialarena.ml.serve.DifferentiableClassifier}, black-box attacks accept any
 * {@link ImageClassifier} and so cannot touch gradients by construction.
 */
public interface Attack<M extends ImageClassifier> {

    /** A short display name with the budget, e.g. "PGD-40 L∞ ε=0.30". */
    String name();

    /** Attacks one image, recording a trace of every step. */
    AttackResult attack(M model, float[] image, AttackGoal goal);

    /** Attacks each image towards its goal, without traces; attacks that batch well override this. */
    default List<AttackResult> attack(M model, float[][] images, List<AttackGoal> goals) {
        AttackArguments.requireSameSize(images, goals);
        List<AttackResult> results = new ArrayList<>(images.length);
        for (int i = 0; i < images.length; i++) {
            results.add(attack(model, images[i], goals.get(i)));
        }
        return results;
    }
}
