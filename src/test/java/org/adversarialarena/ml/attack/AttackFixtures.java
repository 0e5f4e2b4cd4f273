package org.adversarialarena.ml.attack;

import java.util.ArrayList;
import java.util.List;
import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.ml.data.Datasets;
import org.adversarialarena.ml.data.ImageSet;
import org.adversarialarena.ml.model.ClassifierFiles;
import org.adversarialarena.ml.model.ClassifierId;
import org.adversarialarena.ml.serve.ClassifierPool;

/**
 * The fixed victims of the attack tests: the shipped MNIST LeNet and the first held-out test digits
 * it classifies correctly with at least 90% confidence (as the Fool game's challenges are chosen).
 */
public final class AttackFixtures {

    public static final ClassifierPool LENET = new ClassifierPool(ClassifierFiles.loadShipped(ClassifierId.parse("mnist-lenet", 1)), 1);

    private AttackFixtures() {
    }

    public record Victims(float[][] images, int[] labels) {

        public List<AttackGoal> untargeted() {
            List<AttackGoal> goals = new ArrayList<>();
            for (int label : labels) {
                goals.add(AttackGoal.untargeted(label));
            }
            return goals;
        }

        /** Each digit is asked to become the next digit: a fixed, varied set of targets. */
        public List<AttackGoal> targeted() {
            List<AttackGoal> goals = new ArrayList<>();
            for (int label : labels) {
                goals.add(AttackGoal.targeted(label, (label + 1) % 10));
            }
            return goals;
        }
    }

    public static Victims victims(ClassifierPool model, int count) {
        ImageSet test = Datasets.load(DatasetId.MNIST).test();
        float[][] images = new float[count][];
        int[] labels = new int[count];
        int found = 0;
        for (int i = 0; i < test.size() && found < count; i++) {
            float[] probabilities = model.probabilities(test.image(i));
            if (probabilities[test.label(i)] >= 0.9f) {
                images[found] = test.image(i);
                labels[found] = test.label(i);
                found++;
            }
        }
        return new Victims(images, labels);
    }
}
