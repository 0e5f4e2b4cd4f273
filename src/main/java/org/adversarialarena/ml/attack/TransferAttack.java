package org.adversarialarena.ml.attack;

import java.util.List;
import org.adversarialarena.ml.serve.DifferentiableClassifier;
import org.adversarialarena.ml.serve.ImageClassifier;

/**
 * A transfer attack, after Papernot et al., "Transferability in machine learning: from phenomena to
 * black-box attacks using adversarial samples" (2016).
 *
 * <p>Distance measure: that of the crafting attack.
 *
 * <p>The adversarial image is crafted with a white-box attack on a surrogate model the attacker owns,
 * then shown once to the target (the hidden model of the Blindfold level). It works because different
 * networks trained on the same data learn similar decision boundaries. Gradient steps are the
 * surrogate's; queries are the target's (one per image).
 *
 * <p>Returns, per image, the crafted image with the target's verdict on it.
 *
 * @param surrogate  the white-box model the image is crafted on (no default)
 * @param crafting   the white-box attack run on the surrogate (no default)
 */
public record TransferAttack(DifferentiableClassifier surrogate, Attack<? super DifferentiableClassifier> crafting)
        implements Attack<ImageClassifier> {

    @Override
    public String name() {
        return "Transfer of " + crafting.name();
    }

    @Override
    public AttackResult attack(ImageClassifier target, float[] image, AttackGoal goal) {
        return attack(target, new float[][] {image}, List.of(goal)).get(0);
    }

    @Override
    public List<AttackResult> attack(ImageClassifier target, float[][] images, List<AttackGoal> goals) {
        AttackRun run = new AttackRun(name(), target, images, goals, images.length == 1, true);
        List<AttackResult> crafted = crafting.attack(surrogate, images, goals);
        float[][] candidates = new float[crafted.size()][];
        for (int i = 0; i < candidates.length; i++) {
            candidates[i] = crafted.get(i).adversarial();
            for (int step = 0; step < crafted.get(i).gradientSteps(); step++) {
                run.countGradient(i);
            }
        }
        float[][] logits = target.logits(candidates);
        for (int i = 0; i < candidates.length; i++) {
            run.observe(i, candidates[i], logits[i], Float.NaN);
        }
        return run.results();
    }
}
