package org.adversarialarena.ml.defense;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.adversarialarena.ml.attack.Attack;
import org.adversarialarena.ml.attack.AttackGoal;
import org.adversarialarena.ml.attack.AttackResult;
import org.adversarialarena.ml.attack.GradientAttack;
import org.adversarialarena.ml.attack.Jsma;
import org.adversarialarena.ml.attack.Norm;
import org.adversarialarena.ml.serve.DifferentiableClassifier;

/**
 * How well a detector does against attacks on a classifier that do not know about it: the share of
 * clean images it flags (false alarms) and, per attack, the share of successful adversarial examples
 * it flags (detection rate).
 */
public record DetectionRates(int cleanImages, double falseAlarmRate, Map<String, Double> detectionRate,
        Map<String, Integer> adversarialExamples) {

    /** Images attacked at once; bounds the native memory an attack holds between collections. */
    private static final int SLICE = 100;

    public static List<Attack<? super DifferentiableClassifier>> standardAttacks(float epsilon) {
        return List.of(GradientAttack.fgsm(epsilon), GradientAttack.pgd(Norm.LINF, epsilon, 40));
    }

    /**
     * Every kind of edit the Sentinel level meets: FGSM and PGD-40 at ε, JSMA changing up to 10% of the
     * pixels (an L0 attack, so beyond the level's L∞ budget, measured to see how far detection carries),
     * and each held-out simulated player's brush strokes.
     */
    public static List<Attack<? super DifferentiableClassifier>> everyEditKind(float epsilon) {
        List<Attack<? super DifferentiableClassifier>> attacks = new ArrayList<>(standardAttacks(epsilon));
        attacks.add(Jsma.withFraction(0.1f));
        attacks.addAll(SimulatedPlayers.heldOut(epsilon));
        return attacks;
    }

    public static DetectionRates measure(AdversarialDetector detector, DifferentiableClassifier victim, float[][] images,
            int[] labels, float epsilon) {
        return measure(detector, victim, images, labels, standardAttacks(epsilon));
    }

    public static DetectionRates measure(AdversarialDetector detector, DifferentiableClassifier victim, float[][] images,
            int[] labels, List<Attack<? super DifferentiableClassifier>> attacks) {
        float[] clean = detector.adversarialProbabilities(images);
        int alarms = 0;
        for (float p : clean) {
            alarms += p >= detector.threshold() ? 1 : 0;
        }
        List<AttackGoal> goals = new ArrayList<>();
        for (int label : labels) {
            goals.add(AttackGoal.untargeted(label));
        }
        Map<String, Double> rates = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Attack<? super DifferentiableClassifier> attack : attacks) {
            List<float[]> fooling = new ArrayList<>();
            for (int from = 0; from < images.length; from += SLICE) {
                int to = Math.min(images.length, from + SLICE);
                for (AttackResult result : attack.attack(victim, Arrays.copyOfRange(images, from, to), goals.subList(from, to))) {
                    if (result.success()) {
                        fooling.add(result.adversarial());
                    }
                }
                // ND4J frees an attack's native buffers only when their Java handles are collected; a whole
                // 1,000-image JSMA run left 12 GB behind before the heap asked for a collection.
                System.gc();
            }
            int flagged = 0;
            if (!fooling.isEmpty()) {
                for (float p : detector.adversarialProbabilities(fooling.toArray(float[][]::new))) {
                    flagged += p >= detector.threshold() ? 1 : 0;
                }
            }
            rates.put(attack.name(), fooling.isEmpty() ? Double.NaN : flagged / (double) fooling.size());
            counts.put(attack.name(), fooling.size());
        }
        return new DetectionRates(images.length, alarms / (double) images.length, rates, counts);
    }

    /** These rates and one more row: the share of fixed edited images (e.g. players' stored edits) the detector flags; none adds nothing. */
    public DetectionRates withEdits(String kind, AdversarialDetector detector, float[][] edited) {
        if (edited.length == 0) {
            return this;
        }
        int flagged = 0;
        for (float p : detector.adversarialProbabilities(edited)) {
            flagged += p >= detector.threshold() ? 1 : 0;
        }
        Map<String, Double> rates = new LinkedHashMap<>(detectionRate);
        Map<String, Integer> counts = new LinkedHashMap<>(adversarialExamples);
        rates.put(kind, flagged / (double) edited.length);
        counts.put(kind, edited.length);
        return new DetectionRates(cleanImages, falseAlarmRate, rates, counts);
    }

    public Map<String, Object> asMetrics() {
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("evaluationImages", cleanImages);
        metrics.put("falseAlarmRate", falseAlarmRate);
        metrics.put("detectionRate", detectionRate);
        metrics.put("adversarialExamples", adversarialExamples);
        return metrics;
    }
}
