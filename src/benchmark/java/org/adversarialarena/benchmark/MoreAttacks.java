package org.adversarialarena.benchmark;

import java.util.LinkedHashMap;
import java.util.Map;
import org.adversarialarena.ml.attack.Attack;
import org.adversarialarena.ml.attack.Ddn;
import org.adversarialarena.ml.attack.DeepFool;
import org.adversarialarena.ml.attack.Jsma;
import org.adversarialarena.ml.attack.SparseRandomSearch;
import org.adversarialarena.ml.attack.SquareAttack;
import org.adversarialarena.ml.serve.DifferentiableClassifier;

/** The attacks beyond the gradient family, at the budgets the Fool game uses. */
final class MoreAttacks {

    private MoreAttacks() {
    }

    static Map<String, Attack<? super DifferentiableClassifier>> all() {
        Map<String, Attack<? super DifferentiableClassifier>> attacks = new LinkedHashMap<>();
        attacks.put("DeepFool L2 (≤50 iterations)", DeepFool.standard());
        attacks.put("JSMA L0 ≤ 78 px (γ = 0.1)", Jsma.withFraction(0.1f));
        attacks.put("DDN-100 L2 (minimal, CW-style)", Ddn.of(100));
        attacks.put("Square L∞ ε=0.3, ≤1,000 queries (black-box)", SquareAttack.of(0.3f, 1_000));
        attacks.put("Sparse search L0 ≤ 24 px, ≤1,000 queries (black-box)", SparseRandomSearch.of(24, 1_000));
        return attacks;
    }
}
