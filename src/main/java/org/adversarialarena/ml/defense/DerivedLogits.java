package org.adversarialarena.ml.defense;

import java.util.List;
import org.adversarialarena.ml.serve.DifferentiableClassifier;
import org.adversarialarena.ml.serve.LogitObjective;
import org.adversarialarena.ml.serve.LogitObjectives;
import org.adversarialarena.ml.serve.ObjectiveGradients;

/**
 * The chain rule for a model whose logits are a function of several networks' logits (an ensemble's
 * mean, a classifier and a detector combined): evaluate the objective on the combined logits, turn
 * its gradient into a weight per member logit, and let each member back-propagate its weighted sum.
 * Costs one forward pass per member plus one forward and backward pass per member.
 */
final class DerivedLogits {

    /** How the combined logits depend on the members' logits, for one example. */
    interface Combination {

        /** The combined logits of one example from each member's logits. */
        float[] combine(float[][] memberLogits);

        /** The weights d(objective)/d(member logits), given d(objective)/d(combined logits). */
        float[][] pullBack(float[][] memberLogits, float[] combinedGradient);
    }

    private DerivedLogits() {
    }

    static float[][] logits(List<? extends DifferentiableClassifier> members, float[][] images, Combination combination) {
        float[][][] perMember = allLogits(members, images);
        float[][] combined = new float[images.length][];
        for (int i = 0; i < images.length; i++) {
            combined[i] = combination.combine(slice(perMember, i));
        }
        return combined;
    }

    static ObjectiveGradients gradients(List<? extends DifferentiableClassifier> members, float[][] images,
            LogitObjective objective, Combination combination) {
        float[][][] perMember = allLogits(members, images);
        int n = images.length;
        float[][] combined = new float[n][];
        float[] values = new float[n];
        float[][][] weights = new float[members.size()][n][];
        for (int i = 0; i < n; i++) {
            float[][] logits = slice(perMember, i);
            combined[i] = combination.combine(logits);
            float[] gradient = new float[combined[i].length];
            values[i] = objective.evaluate(combined[i], i, gradient);
            float[][] pulled = combination.pullBack(logits, gradient);
            for (int m = 0; m < members.size(); m++) {
                weights[m][i] = pulled[m];
            }
        }
        float[][] inputGradients = new float[n][images[0].length];
        for (int m = 0; m < members.size(); m++) {
            float[][] g = members.get(m).gradients(images, LogitObjectives.weightedSum(weights[m])).inputGradients();
            for (int i = 0; i < n; i++) {
                for (int p = 0; p < g[i].length; p++) {
                    inputGradients[i][p] += g[i][p];
                }
            }
        }
        return new ObjectiveGradients(combined, values, inputGradients);
    }

    private static float[][][] allLogits(List<? extends DifferentiableClassifier> members, float[][] images) {
        float[][][] perMember = new float[members.size()][][];
        for (int m = 0; m < members.size(); m++) {
            perMember[m] = members.get(m).logits(images);
        }
        return perMember;
    }

    private static float[][] slice(float[][][] perMember, int example) {
        float[][] logits = new float[perMember.length][];
        for (int m = 0; m < perMember.length; m++) {
            logits[m] = perMember[m][example];
        }
        return logits;
    }
}
