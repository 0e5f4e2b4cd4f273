package org.adversarialarena.fool;

import org.adversarialarena.catalog.ModelCatalog;
import org.adversarialarena.ml.attack.AttackGoal;
import org.adversarialarena.ml.model.ClassifierId;
import org.springframework.stereotype.Component;

/**
 * Runs a model (and on the Sentinel level the detector) over an image of a challenge and applies
 * {@link Verdict#of the game's rule}. Holds no database connection: callers judge first and record after.
 */
@Component
class ChallengeJudge {

    private final ModelCatalog models;
    private final SentinelDetector detector;

    ChallengeJudge(ModelCatalog models, SentinelDetector detector) {
        this.models = models;
        this.detector = detector;
    }

    Judgement judge(ClassifierId model, Challenge challenge, float[] image) {
        return judge(model, challenge.level(), challenge.goal(), image);
    }

    Judgement judge(ClassifierId model, FoolLevel level, AttackGoal goal, float[] image) {
        float[] probabilities = models.classifier(model).probabilities(image);
        if (!level.guardedByDetector()) {
            return new Judgement(probabilities, Double.NaN, Verdict.of(goal, probabilities, false));
        }
        double score = detector.adversarialProbability(model.dataset(), image);
        boolean flagged = score >= detector.threshold(model.dataset());
        return new Judgement(probabilities, score, Verdict.of(goal, probabilities, flagged));
    }
}
