package org.adversarialarena.ml.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The lecture's linear toy model: a score ŷ = wᵀx + b and the attack x* = x + ε·sign(w). Each pixel
 * moves by only ε, yet the score moves by ε·‖w‖₁, because every one of the n small changes pushes the
 * score the same way; so the same ε does more damage the more dimensions there are. That is the
 * linearity explanation of adversarial examples (Goodfellow et al. 2015), and why a 784-pixel image
 * needs so little per pixel. {@link #walkThrough} gives every number a UI shows step by step;
 * {@link #effectOfDimension} measures the growth with n.
 */
public record LinearToyModel(float[] weights, float bias) {

    /** The 6-dimensional example the Fool game's explanation page walks through. */
    public static final LinearToyModel LECTURE = new LinearToyModel(new float[] {1f, -2f, 0.5f, -1f, 3f, -1.5f}, 0.5f);

    /** The input the walkthrough starts from: the model scores it clearly negative (class 0). */
    public static final float[] LECTURE_INPUT = {0.2f, 0.6f, 0.4f, 0.5f, 0.1f, 0.3f};

    public LinearToyModel {
        if (weights.length == 0) {
            throw new IllegalArgumentException("A linear model needs at least one weight");
        }
        for (float w : weights) {
            requireFinite("weight", w);
        }
        requireFinite("bias", bias);
        weights = weights.clone();
    }

    @Override
    public float[] weights() {
        return weights.clone();
    }

    public int dimensions() {
        return weights.length;
    }

    /** ŷ = wᵀx + b. */
    public double score(float[] x) {
        requireInput(x);
        double score = bias;
        for (int i = 0; i < x.length; i++) {
            score += (double) weights[i] * x[i];
        }
        return score;
    }

    /** ‖w‖₁, the score change per unit of ε that the sign attack gets. */
    public double l1Norm() {
        double sum = 0;
        for (float w : weights) {
            sum += Math.abs(w);
        }
        return sum;
    }

    /**
     * The attack x* = x + ε·sign(w) with every intermediate number: sign(w), the change of each
     * coordinate, each coordinate's contribution wᵢ·ε·sign(wᵢ) = ε·|wᵢ| to the score, and the scores
     * (and logistic probabilities σ(ŷ)) before and after. The input is not clipped: the toy model
     * lives in ℝⁿ, not in pixel space.
     */
    public Walkthrough walkThrough(float[] x, float epsilon) {
        requireInput(x);
        if (!Float.isFinite(epsilon) || epsilon < 0) {
            throw new IllegalArgumentException("ε must be a finite number ≥ 0, was " + epsilon);
        }
        int n = weights.length;
        float[] signs = new float[n];
        float[] delta = new float[n];
        float[] attacked = new float[n];
        float[] contributions = new float[n];
        for (int i = 0; i < n; i++) {
            signs[i] = Math.signum(weights[i]);
            delta[i] = epsilon * signs[i];
            attacked[i] = x[i] + delta[i];
            contributions[i] = weights[i] * delta[i];
        }
        double before = score(x);
        double after = score(attacked);
        return new Walkthrough(weights(), bias, x.clone(), epsilon, before, signs, delta, attacked, contributions, after,
                epsilon * l1Norm());
    }

    /**
     * The same attack on random linear models of growing dimension: wᵢ uniform in [−1, 1], x uniform
     * in [0, 1]. For each n it reports the sign attack's shift ε·‖w‖₁ (grows like n·ε/2) against the
     * mean shift of a random ±ε perturbation of the same L∞ size (grows only like √n), and the spread
     * of clean scores, so a UI can show the sign shift overtaking everything as n grows.
     */
    public static List<DimensionEffect> effectOfDimension(int[] dimensions, float epsilon, long seed) {
        if (!Float.isFinite(epsilon) || epsilon <= 0) {
            throw new IllegalArgumentException("ε must be a finite number > 0, was " + epsilon);
        }
        Random random = new Random(seed);
        List<DimensionEffect> effects = new ArrayList<>();
        for (int n : dimensions) {
            if (n < 1) {
                throw new IllegalArgumentException("A dimension must be at least 1, was " + n);
            }
            float[] w = new float[n];
            for (int i = 0; i < n; i++) {
                w[i] = 2 * random.nextFloat() - 1;
            }
            LinearToyModel model = new LinearToyModel(w, 0f);
            float[] x = new float[n];
            for (int i = 0; i < n; i++) {
                x[i] = random.nextFloat();
            }
            double randomShift = 0;
            int trials = 32;
            for (int t = 0; t < trials; t++) {
                double shift = 0;
                for (int i = 0; i < n; i++) {
                    shift += w[i] * (random.nextBoolean() ? epsilon : -epsilon);
                }
                randomShift += Math.abs(shift) / trials;
            }
            effects.add(new DimensionEffect(n, epsilon, model.score(x), model.walkThrough(x, epsilon).scoreShift(),
                    randomShift));
        }
        return effects;
    }

    private void requireInput(float[] x) {
        if (x.length != weights.length) {
            throw new IllegalArgumentException("x has " + x.length + " entries but w has " + weights.length);
        }
        for (float value : x) {
            requireFinite("x entry", value);
        }
    }

    private static void requireFinite(String what, float value) {
        if (!Float.isFinite(value)) {
            throw new IllegalArgumentException("Every " + what + " must be finite, was " + value);
        }
    }

    /** Every number of one sign attack on the toy model, in the order the lecture derives them. */
    public record Walkthrough(float[] weights, float bias, float[] input, float epsilon, double score, float[] signs,
            float[] perturbation, float[] attacked, float[] contributions, double attackedScore, double scoreShift) {

        /** σ(ŷ): the toy model's probability of class 1 before the attack. */
        public double probability() {
            return sigmoid(score);
        }

        public double attackedProbability() {
            return sigmoid(attackedScore);
        }

        /** Whether the attack moved the score across 0, i.e. changed the predicted class. */
        public boolean flipped() {
            return (score < 0) != (attackedScore < 0);
        }

        private static double sigmoid(double z) {
            return 1 / (1 + Math.exp(-z));
        }
    }

    /** One row of the dimension experiment. */
    public record DimensionEffect(int dimensions, float epsilon, double cleanScore, double signShift,
            double randomShift) {

        /** How many times more the sign direction moves the score than a random direction of the same size. */
        public double advantage() {
            return signShift / randomShift;
        }
    }
}
