package org.adversarialarena.fool;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.adversarialarena.base.BackgroundPriority;
import org.adversarialarena.catalog.ModelCatalog;
import org.adversarialarena.ml.attack.Attack;
import org.adversarialarena.ml.attack.AttackGoal;
import org.adversarialarena.ml.attack.AttackResult;
import org.adversarialarena.ml.attack.DeepFool;
import org.adversarialarena.ml.attack.GradientAttack;
import org.adversarialarena.ml.attack.Jsma;
import org.adversarialarena.ml.attack.Norm;
import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.ml.serve.ClassifierPool;
import org.adversarialarena.ml.serve.DifferentiableClassifier;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * After each attempt the machine attacks the same image at the same budget: FGSM and PGD (the L∞
 * attacks), JSMA (the L0 attack) and DeepFool (minimal L2, no budget), each judged by the level's
 * judging model and the level's budget. Attacks that work in another norm than the level's are run
 * at their own usual budget and shown as over budget where they exceed it: that difference is the
 * lesson. On a hidden-model level the attacks are crafted on the open LeNet and transferred.
 *
 * <p>Runs on one background thread at background priority (the machine has two cores shared by
 * everyone, and a stroke waits for its answer where a comparison can come later), one attack after the
 * other, handing each result over as soon as it is ready; cancelling the returned future stops before
 * the next attack.
 */
@Component
public class MachineComparison implements DisposableBean {

    static final int PGD_STEPS = 40;
    /** JSMA's pixel budget where the level has no L0 budget of its own. */
    static final int JSMA_PIXELS_ELSEWHERE = 40;

    private final ModelCatalog models;
    private final ChallengeJudge judge;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(BackgroundPriority.lowered(
            Thread.ofPlatform().daemon().name("fool-machine-comparison").factory()));

    MachineComparison(ModelCatalog models, ChallengeJudge judge) {
        this.models = models;
        this.judge = judge;
    }

    /** Starts the comparison in the background; {@code each} gets every attempt, {@code done} runs last. */
    public Future<?> start(Challenge challenge, Consumer<MachineAttempt> each, Runnable done) {
        return worker.submit(() -> {
            try {
                for (Attack<DifferentiableClassifier> attack : attacksFor(challenge.level(), challenge.dataset())) {
                    if (Thread.currentThread().isInterrupted()) {
                        return;
                    }
                    each.accept(run(challenge, attack));
                }
            } finally {
                done.run();
            }
        });
    }

    /** The whole comparison, waited for: the same background run the page starts. */
    public List<MachineAttempt> compare(Challenge challenge) {
        List<MachineAttempt> attempts = new CopyOnWriteArrayList<>();
        try {
            start(challenge, attempts::add, () -> { }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the machine attacked", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("The machine's attacks failed", e.getCause());
        }
        return List.copyOf(attempts);
    }

    static List<Attack<DifferentiableClassifier>> attacksFor(FoolLevel level, DatasetId dataset) {
        Budget budget = level.budget(dataset);
        float epsilon = budget.kind() == BudgetKind.LINF ? budget.limit()
                : FoolLevel.FAINT_TOUCH.budget(dataset).limit();
        int pixels = budget.kind() == BudgetKind.L0 ? Math.max(2, budget.maxChangedPixels()) : JSMA_PIXELS_ELSEWHERE;
        return List.of(GradientAttack.fgsm(epsilon), GradientAttack.pgd(Norm.LINF, epsilon, PGD_STEPS), new Jsma(pixels),
                DeepFool.standard());
    }

    private MachineAttempt run(Challenge challenge, Attack<DifferentiableClassifier> attack) {
        FoolLevel level = challenge.level();
        DatasetId dataset = challenge.dataset();
        ClassifierPool crafting = models.backgroundClassifier(level.visibleModel(dataset));
        float[] original = challenge.original();
        // DeepFool only knows the untargeted goal; it is judged by the level's goal all the same.
        AttackGoal goal = attack instanceof DeepFool ? AttackGoal.untargeted(challenge.trueClass()) : challenge.goal();
        AttackResult result = attack.attack(crafting, original, goal);
        // Judged as a player's attempt is: the image as it would be stored.
        float[] adversarial = Budget.asStored(result.adversarial());
        Verdict verdict = judge.judge(level.judgingModel(dataset), challenge, adversarial).verdict();
        BudgetUse use = challenge.budget().use(original, adversarial);
        return new MachineAttempt(attack.name(), level.hiddenModel(), verdict.success(), verdict.flagged(),
                use.withinBudget(), verdict.predictedClass(), verdict.confidence(), use.change(), result.millis(),
                adversarial, challenge.differenceTo(adversarial));
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
