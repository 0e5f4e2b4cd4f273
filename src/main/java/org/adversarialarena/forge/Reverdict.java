package org.adversarialarena.forge;

/**
 * A forgery judged again by today's detective for a final verdict.
 *
 * @param forgery          the forgery as submitted
 * @param realProbability  the current detective's real-probability
 * @param points           what the forgery would score now (0 if the classifier did not agree with the prompt)
 */
public record Reverdict(Forgery forgery, double realProbability, double points) {
}
