package org.adversarialarena.ml.defense;

import java.util.List;
import org.adversarialarena.ml.serve.DifferentiableClassifier;
import org.adversarialarena.ml.serve.LogitObjective;
import org.adversarialarena.ml.serve.ObjectiveGradients;
import org.adversarialarena.ml.serve.Softmax;

/**
 * A classifier with an adversarial detector in front, as one differentiable model for the adaptive
 * attack (Carlini and Wagner, "Adversarial examples are not easily detected", 2017): the classifier's
 * K logits plus a (K+1)-th "rejected" class whose logit is max_j z_j + (detector log-odds − log-odds
 * of the threshold). That class wins exactly when the detector flags the image, so a targeted attack
 * that reaches a wrong class t has fooled the classifier and slipped past the detector at once; its
 * gradient flows through both networks.
 */
public final class DetectorGuardedClassifier implements DifferentiableClassifier {

    private final DifferentiableClassifier classifier;
    private final AdversarialDetector detector;
    private final List<DifferentiableClassifier> members;
    private final Guard guard;

    public DetectorGuardedClassifier(DifferentiableClassifier classifier, AdversarialDetector detector) {
        this.classifier = classifier;
        this.detector = detector;
        this.members = List.of(classifier, detector.network());
        double t = detector.threshold();
        this.guard = new Guard((float) Math.log(t / (1 - t)));
    }

    /** The index of the "rejected as adversarial" class. */
    public int rejectedClass() {
        return classifier.classes();
    }

    public DifferentiableClassifier classifier() {
        return classifier;
    }

    public AdversarialDetector detector() {
        return detector;
    }

    @Override
    public int classes() {
        return classifier.classes() + 1;
    }

    @Override
    public float[][] logits(float[][] images) {
        return DerivedLogits.logits(members, images, guard);
    }

    @Override
    public ObjectiveGradients gradients(float[][] images, LogitObjective objective) {
        return DerivedLogits.gradients(members, images, objective, guard);
    }

    private record Guard(float thresholdLogOdds) implements DerivedLogits.Combination {

        @Override
        public float[] combine(float[][] memberLogits) {
            float[] z = memberLogits[0];
            float[] d = memberLogits[1];
            float[] combined = java.util.Arrays.copyOf(z, z.length + 1);
            combined[z.length] = z[Softmax.argmax(z)] + (d[AdversarialDetector.ADVERSARIAL] - d[AdversarialDetector.REAL])
                    - thresholdLogOdds;
            return combined;
        }

        @Override
        public float[][] pullBack(float[][] memberLogits, float[] g) {
            float[] z = memberLogits[0];
            float rejected = g[z.length];
            float[] classifierWeights = java.util.Arrays.copyOf(g, z.length);
            classifierWeights[Softmax.argmax(z)] += rejected;
            float[] detectorWeights = new float[2];
            detectorWeights[AdversarialDetector.ADVERSARIAL] = rejected;
            detectorWeights[AdversarialDetector.REAL] = -rejected;
            return new float[][] {classifierWeights, detectorWeights};
        }
    }
}
