package org.adversarialarena.ml.attack;

import java.util.ArrayList;
import java.util.List;
import org.adversarialarena.ml.serve.ImageClassifier;
import org.adversarialarena.ml.serve.Softmax;

/**
 * The bookkeeping every attack shares while it works on a batch: the validated originals, the
 * image each attack will return (the first that reached its goal, or the latest candidate), the
 * model's answer on it, the cost counters, and, for a single-image run, the trace.
 */
final class AttackRun {

    private final String attack;
    private final float[][] originals;
    private final List<AttackGoal> goals;
    private final boolean tracing;
    private final boolean keepFirstSuccess;
    private final float[][] chosen;
    private final float[][] chosenLogits;
    private final boolean[] success;
    private final int[] gradientSteps;
    private final int[] queries;
    private final List<List<AttackStep>> traces = new ArrayList<>();
    private final long start = System.nanoTime();

    /**
     * @param keepFirstSuccess return the first candidate that reached the goal (the smallest change
     *     that works, for play and evaluation); otherwise return the latest candidate
     */
    AttackRun(String attack, ImageClassifier model, float[][] images, List<AttackGoal> goals, boolean tracing,
            boolean keepFirstSuccess) {
        this.attack = attack;
        this.keepFirstSuccess = keepFirstSuccess;
        this.originals = AttackArguments.requireImages(model, images, goals);
        this.goals = List.copyOf(goals);
        this.tracing = tracing;
        int n = images.length;
        this.chosen = new float[n][];
        this.chosenLogits = new float[n][];
        this.success = new boolean[n];
        this.gradientSteps = new int[n];
        this.queries = new int[n];
        for (int i = 0; i < n; i++) {
            chosen[i] = originals[i].clone();
            traces.add(new ArrayList<>());
        }
    }

    int size() {
        return originals.length;
    }

    float[] original(int i) {
        return originals[i];
    }

    AttackGoal goal(int i) {
        return goals.get(i);
    }

    boolean succeeded(int i) {
        return success[i];
    }

    /**
     * Records that the model answered {@code logits} for candidate {@code image} of example i (one
     * query). Returns whether the goal is reached by the candidate that will be returned.
     */
    boolean observe(int i, float[] image, float[] logits, float objective) {
        queries[i]++;
        int predicted = Softmax.argmax(logits);
        if (tracing) {
            traces.get(i).add(new AttackStep(traces.get(i).size(), image.clone(), predicted, Softmax.of(logits)[predicted], objective));
        }
        if (!success[i] || !keepFirstSuccess) {
            chosen[i] = image.clone();
            chosenLogits[i] = logits.clone();
            success[i] = goals.get(i).reachedBy(predicted);
        }
        return success[i];
    }

    /**
     * Makes an already observed candidate the one returned, without counting a query: e.g. the
     * smallest successful image of a minimal-norm attack, found before its last step.
     */
    void choose(int i, float[] image, float[] logits) {
        chosen[i] = image.clone();
        chosenLogits[i] = logits.clone();
        success[i] = goals.get(i).reachedBy(Softmax.argmax(logits));
    }

    /** Like {@link #observe} for a query whose answer is only used to decide, not kept as a candidate. */
    void countQuery(int i) {
        queries[i]++;
    }

    void countGradient(int i) {
        gradientSteps[i]++;
    }

    List<AttackResult> results() {
        long perImage = (System.nanoTime() - start) / originals.length;
        List<AttackResult> results = new ArrayList<>(originals.length);
        for (int i = 0; i < originals.length; i++) {
            float[] logits = chosenLogits[i];
            if (logits == null) {
                throw new IllegalStateException(attack + " never asked the model about image " + i);
            }
            int predicted = Softmax.argmax(logits);
            results.add(new AttackResult(attack, goals.get(i), originals[i], chosen[i], success[i], predicted,
                    Softmax.of(logits)[predicted], Perturbation.between(originals[i], chosen[i]), gradientSteps[i],
                    queries[i], List.copyOf(traces.get(i)), perImage));
        }
        return results;
    }
}
