package org.adversarialarena.ml.serve;

/** Softmax and arg-max over one row of logits, computed stably (the largest logit is subtracted first). */
public final class Softmax {

    private Softmax() {
    }

    public static float[] of(float[] logits) {
        float max = logits[argmax(logits)];
        float[] probabilities = new float[logits.length];
        double sum = 0;
        for (int k = 0; k < logits.length; k++) {
            probabilities[k] = (float) Math.exp(logits[k] - max);
            sum += probabilities[k];
        }
        for (int k = 0; k < logits.length; k++) {
            probabilities[k] /= (float) sum;
        }
        return probabilities;
    }

    public static int argmax(float[] values) {
        int best = 0;
        for (int k = 1; k < values.length; k++) {
            if (values[k] > values[best]) {
                best = k;
            }
        }
        return best;
    }
}
