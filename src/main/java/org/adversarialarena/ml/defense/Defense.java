package org.adversarialarena.ml.defense;

import org.adversarialarena.ml.serve.DifferentiableClassifier;
import org.adversarialarena.ml.serve.ImageClassifier;

/**
 * A defended system as an evaluation sees it: what it finally answers ({@code decision}, whose class
 * {@code rejectedClass} if any means "refused as adversarial"), the model a white-box attacker who does
 * not know the defense would attack ({@code unaware}: the bare classifier), and the model that the
 * adaptive attacker who knows it attacks ({@code aware}: e.g. with BPDA gradients, the whole ensemble,
 * or classifier and detector combined). {@code targetedAdaptive} says the adaptive attack must aim at
 * a wrong class, because an untargeted one could settle for being rejected.
 */
public record Defense(String name, ImageClassifier decision, int rejectedClass, DifferentiableClassifier unaware,
        DifferentiableClassifier aware, boolean targetedAdaptive) {

    /** No rejection: a classifier (plain, adversarially trained, squeezed, ensembled). */
    public static Defense classifier(String name, DifferentiableClassifier unaware, DifferentiableClassifier aware) {
        return new Defense(name, aware, -1, unaware, aware, false);
    }

    /** A model with nothing in front of it: the unaware and the adaptive attacker see the same thing. */
    public static Defense undefended(String name, DifferentiableClassifier model) {
        return classifier(name, model, model);
    }

    /** A classifier behind a detector; the adaptive attack targets classifier and detector together. */
    public static Defense guarded(String name, DifferentiableClassifier classifier, AdversarialDetector detector) {
        DetectorGuardedClassifier guarded = new DetectorGuardedClassifier(classifier, detector);
        return new Defense(name, guarded, guarded.rejectedClass(), classifier, guarded, true);
    }

    /** Whether the system was fooled: it answered a class other than the true one and did not refuse. */
    public boolean fooledBy(int decided, int trueClass) {
        return decided != trueClass && decided != rejectedClass;
    }
}
