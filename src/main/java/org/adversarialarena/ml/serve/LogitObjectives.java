package org.adversarialarena.ml.serve;

/**
 * The objectives the games and attacks need. Each is a plain function of the logits, so the same
 * network pass serves all of them; see {@link LogitObjective}.
 */
public final class LogitObjectives {

    private LogitObjectives() {
    }

    /** Cross-entropy −log p(label): its gradient with respect to the logits is p − onehot(label). */
    public static LogitObjective crossEntropy(int[] labels) {
        return (logits, example, gradient) -> {
            float[] p = Softmax.of(logits);
            int label = checkedClass(logits, labels[example]);
            System.arraycopy(p, 0, gradient, 0, p.length);
            gradient[label] -= 1f;
            return (float) -Math.log(Math.max(p[label], 1e-30f));
        };
    }

    /** One class's logit; its input gradient is that class's row of the Jacobian. */
    public static LogitObjective logit(int[] classes) {
        return (logits, example, gradient) -> {
            int k = checkedClass(logits, classes[example]);
            gradient[k] = 1f;
            return logits[k];
        };
    }

    /** A fixed weighted sum Σₖ wₖ·logitₖ per example, e.g. to push an ensemble member's share of a gradient. */
    public static LogitObjective weightedSum(float[][] weights) {
        return (logits, example, gradient) -> {
            float value = 0;
            for (int k = 0; k < logits.length; k++) {
                gradient[k] = weights[example][k];
                value += weights[example][k] * logits[k];
            }
            return value;
        };
    }

    /**
     * The margin logit(label) − max over other classes of logit: positive while the label wins.
     * Carlini–Wagner's f and DeepFool's boundary distance are built on it.
     */
    public static LogitObjective margin(int[] labels) {
        return (logits, example, gradient) -> {
            int label = checkedClass(logits, labels[example]);
            int rival = strongestOther(logits, label);
            gradient[label] = 1f;
            gradient[rival] = -1f;
            return logits[label] - logits[rival];
        };
    }

    /**
     * Croce and Hein's Difference of Logits Ratio, untargeted: −(z_y − max_{i≠y} z_i) / (z_π1 − z_π3),
     * which, unlike cross-entropy, does not change when all logits are scaled, so a model cannot hide
     * behind a saturated softmax. Larger is better for the attacker.
     */
    public static LogitObjective dlr(int[] labels) {
        return (logits, example, gradient) -> {
            int label = checkedClass(logits, labels[example]);
            int[] order = descending(logits);
            int rival = strongestOther(logits, label);
            float denominator = logits[order[0]] - logits[order[2]] + 1e-12f;
            float numerator = logits[label] - logits[rival];
            gradient[label] -= 1f / denominator;
            gradient[rival] += 1f / denominator;
            gradient[order[0]] += numerator / (denominator * denominator);
            gradient[order[2]] -= numerator / (denominator * denominator);
            return -numerator / denominator;
        };
    }

    /**
     * Targeted DLR: −(z_y − z_t) / (z_π1 − (z_π3 + z_π4)/2). Larger is better for the attacker; it
     * is positive once the target outscores the true class.
     */
    public static LogitObjective targetedDlr(int[] labels, int[] targets) {
        return (logits, example, gradient) -> {
            int label = checkedClass(logits, labels[example]);
            int target = checkedClass(logits, targets[example]);
            int[] order = descending(logits);
            float denominator = logits[order[0]] - (logits[order[2]] + logits[order[3]]) / 2f + 1e-12f;
            float numerator = logits[label] - logits[target];
            gradient[label] -= 1f / denominator;
            gradient[target] += 1f / denominator;
            float squared = denominator * denominator;
            gradient[order[0]] += numerator / squared;
            gradient[order[2]] -= numerator / (2f * squared);
            gradient[order[3]] -= numerator / (2f * squared);
            return -numerator / denominator;
        };
    }

    /** Refuses a class the model does not have, instead of reading past the logits. */
    public static int checkedClass(float[] logits, int k) {
        if (k < 0 || k >= logits.length) {
            throw new IllegalArgumentException("Class " + k + " does not exist; classes are 0.." + (logits.length - 1));
        }
        return k;
    }

    /** The class with the largest logit other than {@code excluded}. */
    public static int strongestOther(float[] logits, int excluded) {
        int best = -1;
        for (int k = 0; k < logits.length; k++) {
            if (k != excluded && (best < 0 || logits[k] > logits[best])) {
                best = k;
            }
        }
        return best;
    }

    private static int[] descending(float[] logits) {
        Integer[] order = new Integer[logits.length];
        for (int k = 0; k < order.length; k++) {
            order[k] = k;
        }
        java.util.Arrays.sort(order, (a, b) -> Float.compare(logits[b], logits[a]));
        int[] result = new int[order.length];
        for (int k = 0; k < order.length; k++) {
            result[k] = order[k];
        }
        return result;
    }
}
