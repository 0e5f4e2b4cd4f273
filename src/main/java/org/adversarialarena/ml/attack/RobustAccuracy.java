package org.adversarialarena.ml.attack;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.adversarialarena.ml.serve.DifferentiableClassifier;

/**
 * The referee for every robust-accuracy figure: the share of images a model still classifies
 * correctly when each of several attacks has had its try, per attack and in the worst case per image
 * (an image counts as robust only if no attack fooled it). The standard referee combines PGD with
 * random restarts and the two step-size-free APGD components of AutoAttack, so a defense that only
 * masks gradients (and fools plain PGD) is caught by APGD's adaptive step and the DLR loss.
 */
public record RobustAccuracy(int images, int clean, Map<String, Integer> survivorsPerAttack, int survivors) {

    public double cleanAccuracy() {
        return clean / (double) images;
    }

    public double robustAccuracy() {
        return survivors / (double) images;
    }

    public double robustAccuracy(String attack) {
        return survivorsPerAttack.get(attack) / (double) images;
    }

    /** PGD-40 with 20 random restarts, APGD-CE (100 steps) and APGD-T (100 steps, 3 target classes), L∞ ε. */
    public static List<Attack<DifferentiableClassifier>> referee(float epsilon) {
        return List.of(GradientAttack.pgd(Norm.LINF, epsilon, 40).withRestarts(20), Apgd.ce(epsilon, 100),
                Apgd.targetedDlr(epsilon, 100, 3));
    }

    /** The figures and, per image, whether it withstood every attack (and was classified correctly clean). */
    public record PerImage(RobustAccuracy totals, boolean[] robust) {
    }

    /**
     * Attacks every correctly classified image with each attack, in batches of {@code batchSize};
     * misclassified images count as lost for every attack.
     */
    public static RobustAccuracy measure(DifferentiableClassifier model, float[][] images, int[] labels,
            List<? extends Attack<? super DifferentiableClassifier>> attacks, int batchSize) {
        return measurePerImage(model, images, labels, attacks, batchSize).totals();
    }

    /** As {@link #measure}, keeping which images stood (a competition scores halves of its set from them). */
    public static PerImage measurePerImage(DifferentiableClassifier model, float[][] images, int[] labels,
            List<? extends Attack<? super DifferentiableClassifier>> attacks, int batchSize) {
        if (images.length != labels.length || images.length == 0) {
            throw new IllegalArgumentException("Need as many labels as images, and at least one image; got "
                    + images.length + " images and " + labels.length + " labels");
        }
        AttackArguments.requirePositive("batch size", batchSize);
        boolean[] standing = new boolean[images.length];
        int[] predicted = predictions(model, images, batchSize);
        int clean = 0;
        for (int i = 0; i < images.length; i++) {
            standing[i] = predicted[i] == labels[i];
            clean += standing[i] ? 1 : 0;
        }
        boolean[] cleanCorrect = standing.clone();
        Map<String, Integer> perAttack = new LinkedHashMap<>();
        for (Attack<? super DifferentiableClassifier> attack : attacks) {
            boolean[] survived = cleanCorrect.clone();
            List<Integer> victims = new ArrayList<>();
            for (int i = 0; i < images.length; i++) {
                if (cleanCorrect[i]) {
                    victims.add(i);
                }
            }
            for (int from = 0; from < victims.size(); from += batchSize) {
                List<Integer> chunk = victims.subList(from, Math.min(victims.size(), from + batchSize));
                float[][] batch = new float[chunk.size()][];
                List<AttackGoal> goals = new ArrayList<>();
                for (int c = 0; c < chunk.size(); c++) {
                    batch[c] = images[chunk.get(c)];
                    goals.add(AttackGoal.untargeted(labels[chunk.get(c)]));
                }
                List<AttackResult> results = attack.attack(model, batch, goals);
                for (int c = 0; c < chunk.size(); c++) {
                    if (results.get(c).success()) {
                        survived[chunk.get(c)] = false;
                        standing[chunk.get(c)] = false;
                    }
                }
            }
            perAttack.put(attack.name(), count(survived));
        }
        return new PerImage(new RobustAccuracy(images.length, clean, perAttack, count(standing)), standing);
    }

    private static int[] predictions(DifferentiableClassifier model, float[][] images, int batchSize) {
        int[] predicted = new int[images.length];
        for (int from = 0; from < images.length; from += batchSize) {
            int to = Math.min(images.length, from + batchSize);
            System.arraycopy(model.predictions(Arrays.copyOfRange(images, from, to)), 0, predicted, from, to - from);
        }
        return predicted;
    }

    private static int count(boolean[] flags) {
        int n = 0;
        for (boolean flag : flags) {
            n += flag ? 1 : 0;
        }
        return n;
    }

    /** A one-line summary, e.g. for logs and metrics. */
    public Map<String, Object> asMetrics(float epsilon) {
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("epsilon", epsilon);
        metrics.put("images", images);
        metrics.put("cleanAccuracy", cleanAccuracy());
        Map<String, Double> perAttack = new LinkedHashMap<>();
        survivorsPerAttack.forEach((attack, n) -> perAttack.put(attack, n / (double) images));
        metrics.put("robustAccuracyPerAttack", perAttack);
        metrics.put("robustAccuracy", robustAccuracy());
        return metrics;
    }
}
