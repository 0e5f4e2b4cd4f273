package org.adversarialarena.ml.attack;

/**
 * One step of an attack as a UI can replay it: the image after the step, what the model said about
 * it, and the attack's own objective value (its loss) at that point.
 */
public record AttackStep(int step, float[] image, int predictedClass, float confidence, float objective) {
}
