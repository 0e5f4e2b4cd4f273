package org.adversarialarena.ml.detective;

/**
 * What one training step of the detective did.
 *
 * @param accepted      false if the health check rolled it back
 * @param version       the detective's version afterwards
 * @param loss          D's loss on the step's batch (may be NaN for a rolled-back step)
 * @param realAccuracy  accuracy on held-out real images measured after the step
 * @param reason        why a step was rolled back; empty when accepted
 */
public record StepOutcome(boolean accepted, long version, double loss, double realAccuracy, String reason) {
}
