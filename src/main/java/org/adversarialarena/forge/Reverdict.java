package org.adversarialarena.forge;

import org.adversarialarena.ml.detective.DetectiveVerdict;

/**
 * A forgery judged again by today's detective for a final verdict.
 *
 * @param forgery          the forgery as submitted
 * @param realProbability  the current detective's real-probability
 * @param points           what the forgery would score now (0 if the classifier did not agree with the prompt)
 */
public record Reverdict(Forgery forgery, double realProbability, double points) {

    /** Whether the forgery still fools the detective that has learned since (the same rule as at submission). */
    public boolean stillFoolsTheDetective() {
        return forgery.classifierAgrees() && DetectiveVerdict.judgedReal(realProbability);
    }
}
