package org.adversarialarena.benchmark;

import java.util.LinkedHashMap;
import java.util.Map;
import org.adversarialarena.ml.attack.Attack;
import org.adversarialarena.ml.serve.DifferentiableClassifier;

/** The attacks beyond the gradient family, at the budgets the Fool game uses. */
final class MoreAttacks {

    private MoreAttacks() {
    }

    static Map<String, Attack<? super DifferentiableClassifier>> all() {
        return new LinkedHashMap<>();
    }
}
