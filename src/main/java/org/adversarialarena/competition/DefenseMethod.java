package org.adversarialarena.competition;

import org.adversarialarena.ml.model.TrainingMethod;

/**
 * How a defense recipe trains its network: plainly, on FGSM examples of the shipped plain network
 * (offline), on PGD examples of the network itself (Madry et al.), or with TRADES' KL term.
 */
public enum DefenseMethod {
    PLAIN(TrainingMethod.STANDARD),
    FGSM(TrainingMethod.FGSM_OFFLINE),
    PGD(TrainingMethod.MADRY),
    TRADES(TrainingMethod.TRADES);

    private final TrainingMethod training;

    DefenseMethod(TrainingMethod training) {
        this.training = training;
    }

    public TrainingMethod training() {
        return training;
    }

    /** Whether the method makes adversarial examples, and so needs an ε (and PGD's steps). */
    public boolean adversarial() {
        return this != PLAIN;
    }

    /** Whether the method runs an iterative attack per batch, whose steps multiply its cost. */
    public boolean iterative() {
        return this == PGD || this == TRADES;
    }
}
