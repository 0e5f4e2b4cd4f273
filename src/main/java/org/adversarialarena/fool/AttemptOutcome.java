package org.adversarialarena.fool;

/** What the server decided about a submission; {@code points} are its own, not the browser's. */
public record AttemptOutcome(long attemptId, Challenge challenge, float[] adversarial, float[] probabilities,
        Verdict verdict, BudgetUse use, double points) {

    /** The player's edit as signed change per pixel, for the comparison's heat map. */
    public float[] difference() {
        return challenge.differenceTo(adversarial);
    }
}
