package org.adversarialarena.ml.defense;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.adversarialarena.ml.attack.Attack;
import org.adversarialarena.ml.attack.AttackGoal;
import org.adversarialarena.ml.attack.AttackResult;
import org.adversarialarena.ml.attack.GradientAttack;
import org.adversarialarena.ml.attack.Norm;
import org.adversarialarena.ml.serve.DifferentiableClassifier;

/**
 * How well a detector does against attacks on a classifier that do not know about it: the share of
 * clean images it flags (false alarms) and, per attack, the share of successful adversarial examples
 * it flags (detection rate).
 */
public record DetectionRates(int cleanImages, double falseAlarmRate, Map<String, Double> detectionRate,
        Map<String, Integer> adversarialExamples) {

    public static List<Attack<DifferentiableClassifier>> standardAttacks(float epsilon) {
        return List.of(GradientAttack.fgsm(epsilon), GradientAttack.pgd(Norm.LINF, epsilon, 40));
    }

    public static DetectionRates measure(AdversarialDetector detector, DifferentiableClassifier victim, float[][] images,
            int[] labels, float epsilon) {
        return measure(detector, victim, images, labels, standardAttacks(epsilon));
    }

    public static DetectionRates measure(AdversarialDetector detector, DifferentiableClassifier victim, float[][] images,
            int[] labels, List<Attack<DifferentiableClassifier>> attacks) {
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
        for (Attack<DifferentiableClassifier> attack : attacks) {
            List<float[]> fooling = new ArrayList<>();
            for (AttackResult result : attack.attack(victim, images, goals)) {
                if (result.success()) {
                    fooling.add(result.adversarial());
                }
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

    public Map<String, Object> asMetrics() {
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("evaluationImages", cleanImages);
        metrics.put("falseAlarmRate", falseAlarmRate);
        metrics.put("detectionRate", detectionRate);
        metrics.put("adversarialExamples", adversarialExamples);
        return metrics;
    }
}
