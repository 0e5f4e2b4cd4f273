package org.adversarialarena.ml.defense;

import java.util.List;
import org.adversarialarena.ml.serve.DifferentiableClassifier;
import org.adversarialarena.ml.serve.LogitObjective;
import org.adversarialarena.ml.serve.ObjectiveGradients;

/**
 * An ensemble of classifiers that answers with the mean of its members' logits. An attack must now
 * move every member at once; white-box attacks on the ensemble get the exact gradient of the mean
 * (the adaptive attack), while an attacker who crafts on one member relies on transfer.
 */
public final class Ensemble implements DifferentiableClassifier {

    private final List<DifferentiableClassifier> members;
    private final int classes;

    public Ensemble(List<? extends DifferentiableClassifier> members) {
        if (members.size() < 2) {
            throw new IllegalArgumentException("An ensemble needs at least two members, got " + members.size());
        }
        this.classes = members.get(0).classes();
        for (DifferentiableClassifier member : members) {
            if (member.classes() != classes) {
                throw new IllegalArgumentException("Ensemble members disagree on the number of classes: "
                        + classes + " and " + member.classes());
            }
        }
        this.members = List.copyOf(members);
    }

    public List<DifferentiableClassifier> members() {
        return members;
    }

    @Override
    public int classes() {
        return classes;
    }

    @Override
    public float[][] logits(float[][] images) {
        return DerivedLogits.logits(members, images, new Mean());
    }

    @Override
    public ObjectiveGradients gradients(float[][] images, LogitObjective objective) {
        return DerivedLogits.gradients(members, images, objective, new Mean());
    }

    private record Mean() implements DerivedLogits.Combination {

        @Override
        public float[] combine(float[][] memberLogits) {
            float[] mean = new float[memberLogits[0].length];
            for (float[] logits : memberLogits) {
                for (int k = 0; k < mean.length; k++) {
                    mean[k] += logits[k] / memberLogits.length;
                }
            }
            return mean;
        }

        @Override
        public float[][] pullBack(float[][] memberLogits, float[] combinedGradient) {
            float[][] weights = new float[memberLogits.length][combinedGradient.length];
            for (float[] weight : weights) {
                for (int k = 0; k < weight.length; k++) {
                    weight[k] = combinedGradient[k] / memberLogits.length;
                }
            }
            return weights;
        }
    }
}
