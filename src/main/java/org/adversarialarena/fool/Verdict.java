package org.adversarialarena.fool;

import org.adversarialarena.ml.attack.AttackGoal;
import org.adversarialarena.ml.serve.Softmax;

/**
 * What the judging model made of an image: its top class and confidence, whether that fools it as
 * the level asks, and (on the Sentinel level) whether the detector flagged the image.
 */
public record Verdict(int predictedClass, float confidence, boolean success, boolean flagged) {

    /**
     * The game's one rule, for the live probe, the submission and the machine's attempts alike: the
     * model's top class reaches the goal and the detector did not flag the image.
     */
    static Verdict of(AttackGoal goal, float[] probabilities, boolean flagged) {
        int predicted = Softmax.argmax(probabilities);
        return new Verdict(predicted, probabilities[predicted], goal.reachedBy(predicted) && !flagged, flagged);
    }
}
