package org.adversarialarena.ml.defense;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.adversarialarena.ml.attack.Attack;
import org.adversarialarena.ml.attack.AttackGoal;
import org.adversarialarena.ml.attack.AttackResult;
import org.adversarialarena.ml.serve.DifferentiableClassifier;
import org.adversarialarena.ml.serve.ImageClassifier;
import org.adversarialarena.ml.serve.LogitObjectives;

/**
 * One defense's row of the evaluation table: clean accuracy on a fixed image set, and for each attack
 * the share of correctly classified images it fools the whole system on, once crafted without knowing
 * the defense (on the bare classifier, then shown to the defended system) and once adaptively (on the
 * model that includes the defense). Black-box attacks only ever query the defended system, and an
 * undefended model has nothing to know about, so those have one figure ({@code adaptiveSuccess} has no entry). The worst case per image over every attack and mode gives the
 * robust accuracy.
 */
public record DefenseEvaluation(String defense, int images, double cleanAccuracy, Map<String, Double> unawareSuccess,
        Map<String, Double> adaptiveSuccess, double robustAccuracy) {

    public static DefenseEvaluation run(Defense defense, float[][] images, int[] labels,
            List<Attack<DifferentiableClassifier>> whiteBox, List<Attack<ImageClassifier>> blackBox) {
        int[] decided = defense.decision().predictions(images);
        List<Integer> correct = new ArrayList<>();
        for (int i = 0; i < images.length; i++) {
            if (decided[i] == labels[i]) {
                correct.add(i);
            }
        }
        boolean[] standing = new boolean[images.length];
        correct.forEach(i -> standing[i] = true);
        float[][] victims = new float[correct.size()][];
        List<AttackGoal> untargeted = new ArrayList<>();
        for (int c = 0; c < correct.size(); c++) {
            victims[c] = images[correct.get(c)];
            untargeted.add(AttackGoal.untargeted(labels[correct.get(c)]));
        }
        Map<String, Double> unaware = new LinkedHashMap<>();
        Map<String, Double> adaptive = new LinkedHashMap<>();
        if (!correct.isEmpty()) {
            List<AttackGoal> adaptiveGoals = defense.targetedAdaptive() ? strongestWrongClass(defense, victims, untargeted) : untargeted;
            for (Attack<DifferentiableClassifier> attack : whiteBox) {
                unaware.put(attack.name(), fooledShare(defense, attack.attack(defense.unaware(), victims, untargeted), correct, standing));
                if (defense.unaware() != defense.aware()) {
                    adaptive.put(attack.name(), fooledShare(defense, attack.attack(defense.aware(), victims, adaptiveGoals), correct,
                            standing));
                }
            }
            for (Attack<ImageClassifier> attack : blackBox) {
                List<AttackGoal> goals = defense.targetedAdaptive() ? adaptiveGoals : untargeted;
                unaware.put(attack.name(), fooledShare(defense, attack.attack(defense.decision(), victims, goals), correct, standing));
            }
        }
        int robust = 0;
        for (boolean s : standing) {
            robust += s ? 1 : 0;
        }
        return new DefenseEvaluation(defense.name(), images.length, correct.size() / (double) images.length, unaware, adaptive,
                robust / (double) images.length);
    }

    /** Targets for the adaptive attack on a rejecting system: each image's most likely wrong class (never "rejected"). */
    private static List<AttackGoal> strongestWrongClass(Defense defense, float[][] victims, List<AttackGoal> untargeted) {
        float[][] logits = defense.unaware().logits(victims);
        List<AttackGoal> goals = new ArrayList<>();
        for (int i = 0; i < victims.length; i++) {
            int y = untargeted.get(i).trueClass();
            goals.add(AttackGoal.targeted(y, LogitObjectives.strongestOther(logits[i], y)));
        }
        return goals;
    }

    /** The share of victims whose adversarial image fools the defended system; fooled images fall from {@code standing}. */
    private static double fooledShare(Defense defense, List<AttackResult> results, List<Integer> correct, boolean[] standing) {
        float[][] adversarial = new float[results.size()][];
        for (int c = 0; c < results.size(); c++) {
            adversarial[c] = results.get(c).adversarial();
        }
        int[] decided = defense.decision().predictions(adversarial);
        int fooled = 0;
        for (int c = 0; c < results.size(); c++) {
            if (defense.fooledBy(decided[c], results.get(c).goal().trueClass())) {
                fooled++;
                standing[correct.get(c)] = false;
            }
        }
        return fooled / (double) results.size();
    }

    /** A markdown table of several defenses' rows: "unaware / adaptive" success per attack. */
    public static String table(List<DefenseEvaluation> rows) {
        StringBuilder out = new StringBuilder("| defense | clean accuracy |");
        List<String> attacks = new ArrayList<>(rows.get(0).unawareSuccess().keySet());
        StringBuilder rule = new StringBuilder("|---|---|");
        for (String attack : attacks) {
            out.append(' ').append(attack).append(" |");
            rule.append("---|");
        }
        out.append(" robust accuracy (worst case) |\n").append(rule).append("---|\n");
        for (DefenseEvaluation row : rows) {
            out.append(String.format(Locale.ROOT, "| %s | %.1f%% |", row.defense(), 100 * row.cleanAccuracy()));
            for (String attack : attacks) {
                Double unaware = row.unawareSuccess().get(attack);
                Double adaptive = row.adaptiveSuccess().get(attack);
                if (unaware == null) {
                    out.append(" – |");
                } else if (adaptive == null) {
                    out.append(String.format(Locale.ROOT, " %.0f%% |", 100 * unaware));
                } else {
                    out.append(String.format(Locale.ROOT, " %.0f%% / **%.0f%%** |", 100 * unaware, 100 * adaptive));
                }
            }
            out.append(String.format(Locale.ROOT, " %.1f%% |\n", 100 * row.robustAccuracy()));
        }
        return out.toString();
    }
}
