package org.adversarialarena.ml.train;

import java.util.ArrayList;
import java.util.List;
import org.adversarialarena.ml.attack.AttackGoal;
import org.adversarialarena.ml.attack.AttackResult;
import org.adversarialarena.ml.attack.GradientAttack;
import org.adversarialarena.ml.attack.Norm;
import org.adversarialarena.ml.serve.ClassifierPool;
import org.adversarialarena.ml.serve.Softmax;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Adversarial training as a {@link BatchTransform}: each batch x becomes [x; x_adv] with the labels
 * [y; y] (the adversarial copies keep the class a human sees), so the loss is the lecture's
 * J(x) + J(x_adv). Two forms:
 * <ul>
 * <li>offline: x_adv are FGSM examples of a fixed, plainly trained model, as if generated once up
 * front (computed per batch here only so the shift augmentation applies to them too);</li>
 * <li>online (Madry et al.): x_adv are PGD examples of the network as it is at this step, with ε
 * ramped up linearly over the first epochs, which keeps a short schedule from collapsing to a
 * constant prediction early on.</li>
 * </ul>
 */
public final class AdversarialBatches implements BatchTransform {

    private final ClassifierPool attacked;
    private final boolean followsTraining;
    private final float epsilon;
    private final int steps;
    private final int rampEpochs;
    private long batchesSeen;

    private AdversarialBatches(ClassifierPool attacked, boolean followsTraining, float epsilon, int steps, int rampEpochs) {
        this.attacked = attacked;
        this.followsTraining = followsTraining;
        this.epsilon = epsilon;
        this.steps = steps;
        this.rampEpochs = rampEpochs;
    }

    /** FGSM examples of {@code fixedModel}, which never changes during training. */
    public static AdversarialBatches offlineFgsm(MultiLayerNetwork fixedModel, float epsilon) {
        return new AdversarialBatches(new ClassifierPool(fixedModel, 1), false, epsilon, 1, 0);
    }

    /** PGD-{@code steps} examples of {@code trainee} as it learns; ε reaches its full value after {@code rampEpochs}. */
    public static AdversarialBatches onlinePgd(MultiLayerNetwork trainee, float epsilon, int steps, int rampEpochs) {
        if (rampEpochs < 0) {
            throw new IllegalArgumentException("The ε ramp cannot be negative, was " + rampEpochs);
        }
        return new AdversarialBatches(new ClassifierPool(trainee, 1), true, epsilon, steps, rampEpochs);
    }

    /** ε in use during {@code epoch} (1-based). */
    public float epsilonAt(int epoch) {
        return rampEpochs == 0 ? epsilon : epsilon * Math.min(1f, epoch / (float) rampEpochs);
    }

    @Override
    public DataSet apply(DataSet batch, MultiLayerNetwork network, int epoch) {
        if (followsTraining) {
            attacked.copyParametersFrom(network);
        }
        float[][] images = batch.getFeatures().toFloatMatrix();
        float[][] oneHot = batch.getLabels().toFloatMatrix();
        List<AttackGoal> goals = new ArrayList<>(images.length);
        for (float[] row : oneHot) {
            goals.add(AttackGoal.untargeted(Softmax.argmax(row)));
        }
        List<AttackResult> results = attack(epoch).attack(attacked, images, goals);
        float[][] adversarial = new float[images.length][];
        for (int i = 0; i < images.length; i++) {
            adversarial[i] = results.get(i).adversarial();
        }
        return new DataSet(Nd4j.vstack(batch.getFeatures(), Nd4j.create(adversarial).castTo(batch.getFeatures().dataType())),
                Nd4j.vstack(batch.getLabels(), batch.getLabels()));
    }

    private GradientAttack attack(int epoch) {
        float current = epsilonAt(epoch);
        GradientAttack attack = followsTraining
                ? GradientAttack.pgd(Norm.LINF, current, steps).toTheEnd()
                : GradientAttack.fgsm(current);
        return attack.withSeed(++batchesSeen);
    }

    @Override
    public String toString() {
        return (followsTraining ? "online PGD-" + steps : "offline FGSM") + " ε=" + epsilon
                + (rampEpochs > 0 ? " (ramp " + rampEpochs + " epochs)" : "");
    }
}
