package org.adversarialarena.competition;

import org.adversarialarena.ml.model.ClassifierArchitecture;

/**
 * A defense submission: not code but a training recipe the server runs. {@code epsilon} is the L∞ ε of
 * the training attack (0 for plain training), {@code attackSteps} the steps of its PGD (PGD and TRADES;
 * FGSM takes one step; plain training has neither).
 */
public record DefenseRecipe(DefenseMethod method, ClassifierArchitecture architecture, float epsilon,
        int attackSteps, int epochs, long seed) {

    /** Refuses a recipe outside the quota or without the numbers its method needs, naming the first problem. */
    void requireValid(DefenseQuota quota) {
        if (epochs < 1 || epochs > quota.maxEpochs()) {
            throw CompetitionRefusedException.invalid("competition.defense.refused.epochs",
                    "Epochs must lie in 1.." + quota.maxEpochs(), quota.maxEpochs());
        }
        if (!method.adversarial()) {
            if (epsilon != 0 || attackSteps != 0) {
                throw CompetitionRefusedException.invalid("competition.defense.refused.plain",
                        "Plain training uses no attack: ε and steps are 0");
            }
            return;
        }
        if (!(epsilon > 0 && epsilon <= 1)) {
            throw CompetitionRefusedException.invalid("competition.defense.refused.epsilon",
                    "The training ε lies in (0, 1]");
        }
        if (method.iterative() && (attackSteps < 1 || attackSteps > quota.maxAttackSteps())) {
            throw CompetitionRefusedException.invalid("competition.defense.refused.steps",
                    "Attack steps must lie in 1.." + quota.maxAttackSteps(), quota.maxAttackSteps());
        }
    }

    /** The recipe as stored: FGSM takes one step whatever was asked. */
    DefenseRecipe normalised() {
        return method == DefenseMethod.FGSM ? new DefenseRecipe(method, architecture, epsilon, 1, epochs, seed) : this;
    }
}
