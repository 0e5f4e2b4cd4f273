package org.adversarialarena.ml.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.adversarialarena.ml.attack.Apgd;
import org.adversarialarena.ml.attack.Attack;
import org.adversarialarena.ml.attack.GradientAttack;
import org.adversarialarena.ml.attack.Norm;
import org.adversarialarena.ml.attack.RobustAccuracy;
import org.adversarialarena.ml.serve.DifferentiableClassifier;

/**
 * Accuracy over ε for one model: at ε = 0 the clean accuracy, then the share of images that every
 * attack of the given set fails to fool at that ε (worst case per image, measured by
 * {@link RobustAccuracy}). The plain model's curve falls off a cliff at small ε, a robust model's
 * holds up to about the ε it was trained for.
 */
public record RobustnessCurve(List<Point> points) {

    public RobustnessCurve {
        points = List.copyOf(points);
    }

    /** Accuracy at one ε, overall and per attack. */
    public record Point(float epsilon, double accuracy, Map<String, Double> accuracyPerAttack) {
    }

    /** PGD-40 and APGD-CE (100 steps) at ε: strong enough for a curve, cheaper than the full referee. */
    public static List<Attack<DifferentiableClassifier>> pgdAndApgd(float epsilon) {
        return List.of(GradientAttack.pgd(Norm.LINF, epsilon, 40), Apgd.ce(epsilon, 100));
    }

    public static RobustnessCurve measure(DifferentiableClassifier model, float[][] images, int[] labels, float[] epsilons) {
        return measure(model, images, labels, epsilons, RobustnessCurve::pgdAndApgd);
    }

    /**
     * Measures the curve at each ε (ascending, each in [0, 1]) with the attacks {@code attacksAt}
     * builds for that ε.
     */
    public static RobustnessCurve measure(DifferentiableClassifier model, float[][] images, int[] labels, float[] epsilons,
            Function<Float, List<Attack<DifferentiableClassifier>>> attacksAt) {
        if (epsilons.length == 0) {
            throw new IllegalArgumentException("A curve needs at least one ε");
        }
        float previous = -1;
        for (float epsilon : epsilons) {
            if (!Float.isFinite(epsilon) || epsilon < 0 || epsilon > 1 || epsilon <= previous) {
                throw new IllegalArgumentException("The ε values must ascend strictly within [0, 1]; got " + epsilon
                        + " after " + previous);
            }
            previous = epsilon;
        }
        List<Point> points = new ArrayList<>();
        for (float epsilon : epsilons) {
            List<Attack<DifferentiableClassifier>> attacks = epsilon == 0 ? List.of() : attacksAt.apply(epsilon);
            RobustAccuracy accuracy = RobustAccuracy.measure(model, images, labels, attacks, 250);
            Map<String, Double> perAttack = new java.util.LinkedHashMap<>();
            accuracy.survivorsPerAttack().forEach((attack, survivors) -> perAttack.put(attack, survivors / (double) images.length));
            points.add(new Point(epsilon, accuracy.robustAccuracy(), perAttack));
        }
        return new RobustnessCurve(points);
    }

    /** The largest measured ε at which accuracy is still at least {@code level}, or 0 if none. */
    public float epsilonHolding(double level) {
        float best = 0;
        for (Point point : points) {
            if (point.accuracy() >= level) {
                best = Math.max(best, point.epsilon());
            }
        }
        return best;
    }
}
