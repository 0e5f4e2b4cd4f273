package org.adversarialarena.ml.train;

import java.util.LinkedHashMap;
import java.util.Map;
import org.adversarialarena.ml.model.ClassifierFiles;
import org.adversarialarena.ml.model.ClassifierId;
import org.adversarialarena.ml.model.TrainingMethod;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Chooses the batch transform a model's training method asks for: none for a plain model; FGSM
 * examples of the shipped plain model of the same dataset and architecture for the offline form; PGD
 * examples of the network being trained for Madry's online form; KL-maximising PGD points and the
 * β-weighted KL term for TRADES.
 */
public record AdversarialTraining(ClassifierId id, float epsilon, int pgdSteps, int rampEpochs, float tradesBeta) {

    /** TRADES' β = 6, the paper's MNIST and CIFAR-10 setting. */
    public static final float DEFAULT_TRADES_BETA = 6f;

    public AdversarialTraining(ClassifierId id, float epsilon, int pgdSteps, int rampEpochs) {
        this(id, epsilon, pgdSteps, rampEpochs, DEFAULT_TRADES_BETA);
    }

    public BatchTransform batchesFor(MultiLayerNetwork trainee) {
        return switch (id.method()) {
            case STANDARD -> BatchTransform.NONE;
            case FGSM_OFFLINE -> AdversarialBatches.offlineFgsm(
                    ClassifierFiles.loadShipped(new ClassifierId(id.dataset(), id.architecture(), 1)), epsilon);
            case MADRY -> AdversarialBatches.onlinePgd(trainee, epsilon, pgdSteps, rampEpochs);
            case TRADES -> new TradesBatches(trainee, epsilon, pgdSteps, tradesBeta, 1L);
        };
    }

    /** What metrics.json records about the adversarial part of training. */
    public Map<String, Object> settings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("adversarialEpsilon", epsilon);
        if (id.method() == TrainingMethod.MADRY) {
            settings.put("pgdSteps", pgdSteps);
            settings.put("pgdStepSize", 2.5f * epsilon / pgdSteps);
            settings.put("epsilonRampEpochs", rampEpochs);
        }
        if (id.method() == TrainingMethod.TRADES) {
            settings.put("pgdSteps", pgdSteps);
            settings.put("tradesBeta", tradesBeta);
            settings.put("tradesCleanSideGradient", false);
        }
        if (id.method() == TrainingMethod.FGSM_OFFLINE) {
            settings.put("fgsmSource", new ClassifierId(id.dataset(), id.architecture(), 1).toString());
        }
        return settings;
    }
}
