package org.adversarialarena.ml.attack;

/**
 * The size of the change from an original image to an adversarial one, in the three norms attacks
 * are budgeted in: how many pixels changed (L0), the Euclidean length (L2) and the largest change of
 * any pixel (L∞). A pixel counts as changed when it moved by more than {@link #CHANGED}, so float
 * rounding is not mistaken for an edit.
 */
public record Perturbation(int l0, float l2, float linf) {

    public static final float CHANGED = 1e-4f;

    public static Perturbation between(float[] original, float[] adversarial) {
        int changed = 0;
        double squares = 0;
        float largest = 0;
        for (int i = 0; i < original.length; i++) {
            float delta = Math.abs(adversarial[i] - original[i]);
            if (delta > CHANGED) {
                changed++;
            }
            squares += (double) delta * delta;
            largest = Math.max(largest, delta);
        }
        return new Perturbation(changed, (float) Math.sqrt(squares), largest);
    }
}
