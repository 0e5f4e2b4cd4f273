package org.adversarialarena.fool;

/** What the server decided about a submission; {@code points} are its own, not the browser's. */
public record AttemptOutcome(long attemptId, Challenge challenge, float[] adversarial, float[] probabilities,
        Verdict verdict, BudgetUse use, double points) {
}
