package org.adversarialarena.ml.attack;

/**
 * What an attack must achieve on one image: any class but the true one (untargeted), or one chosen
 * class (targeted). {@code target} is −1 when untargeted.
 */
public record AttackGoal(int trueClass, int target) {

    public AttackGoal {
        if (trueClass < 0) {
            throw new IllegalArgumentException("The true class must be a class index, was " + trueClass);
        }
        if (target < -1) {
            throw new IllegalArgumentException("The target must be a class index (or none), was " + target);
        }
        if (target == trueClass) {
            throw new IllegalArgumentException("The target class " + target + " is the true class; nothing to attack");
        }
    }

    public static AttackGoal untargeted(int trueClass) {
        return new AttackGoal(trueClass, -1);
    }

    public static AttackGoal targeted(int trueClass, int target) {
        return new AttackGoal(trueClass, target);
    }

    public boolean isTargeted() {
        return target >= 0;
    }

    /** Whether a model answering {@code predicted} has been fooled as this goal asks. */
    public boolean reachedBy(int predicted) {
        return isTargeted() ? predicted == target : predicted != trueClass;
    }

    /** The class the attack's loss is about: the target to approach, or the true class to leave. */
    public int lossClass() {
        return isTargeted() ? target : trueClass;
    }

    void requireWithin(int classes) {
        if (trueClass >= classes || target >= classes) {
            throw new IllegalArgumentException("Class " + Math.max(trueClass, target) + " does not exist; classes are 0.."
                    + (classes - 1));
        }
    }
}
