package org.adversarialarena.competition;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.adversarialarena.base.live.LivePublisher;
import org.adversarialarena.catalog.ModelCatalog;
import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.ml.data.DatasetSplit;
import org.adversarialarena.ml.data.ImageSet;
import org.adversarialarena.ml.model.ClassifierId;
import org.adversarialarena.ml.model.Networks;
import org.adversarialarena.ml.serve.ClassifierPool;
import org.adversarialarena.ml.train.AdversarialTraining;
import org.adversarialarena.ml.train.Cancellation;
import org.adversarialarena.ml.train.ClassifierTrainer;
import org.adversarialarena.ml.train.ClassifierTrainingPlan;
import org.adversarialarena.ml.train.TrainedClassifier;
import org.adversarialarena.ml.train.TrainingCancelledException;
import org.adversarialarena.ml.train.TrainingListener;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a worker does with an execution of the {@code competition-defense} task: trains the recipe on
 * the quota's share of the training split (checking the cancel flag before every batch, reporting the
 * step), stores the weights with their SHA-256, then lets the referee attack exactly the stored
 * weights on the challenge set at the competition's ε. Judge first, then record: no transaction is
 * open while the network trains or is attacked. Any error records FAILED (not counted); a cancel
 * records CANCELLED.
 */
@Component
class DefenseJob {

    /** An entrant's defense is a model of its own, never shipped: its id needs a version, and it has one. */
    private static final int DEFENSE_VERSION = 1;
    private static final Logger LOG = LoggerFactory.getLogger(DefenseJob.class);
    // ε reaches its full value at once: a recipe has at most a couple of epochs to ramp over.
    private static final int NO_RAMP = 0;

    private final DefenseStore defenses;
    private final CompetitionStore competitions;
    private final ModelCatalog catalog;
    private final DefenseQuota quota;
    private final LivePublisher publisher;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DefenseJob(DefenseStore defenses, CompetitionStore competitions, ModelCatalog catalog, DefenseQuota quota,
            LivePublisher publisher, TransactionTemplate transaction, Clock clock) {
        this.defenses = defenses;
        this.competitions = competitions;
        this.catalog = catalog;
        this.quota = quota;
        this.publisher = publisher;
        this.transaction = transaction;
        this.clock = clock;
    }

    void run(long defenseId, BooleanSupplier shuttingDown) {
        Defense defense = defenses.find(defenseId).orElse(null);
        if (defense == null || !record(defense.competitionId(), () -> defenses.startTraining(defenseId))) {
            LOG.info("Defense {} is no longer queued; nothing to train", defenseId);
            return;
        }
        long competitionId = defense.competitionId();
        try {
            Competition competition = competitions.competition(competitionId).orElseThrow();
            long started = System.nanoTime();
            MultiLayerNetwork network = train(defense, competition, shuttingDown);
            long trainingMs = (System.nanoTime() - started) / 1_000_000;
            byte[] weights = weights(network);
            String sha256 = CompetitionService.sha256(weights);
            if (!record(competitionId, () -> defenses.trained(defenseId, weights, sha256, trainingMs, clock.instant()))) {
                return;
            }
            started = System.nanoTime();
            DefenseVerdict verdict = new DefenseReferee(quota).judge(new ClassifierPool(load(defenses.weights(defenseId)), 1),
                    competitions.challengeSet(competitionId), (float) competition.settings().budget().limit());
            long evaluationMs = (System.nanoTime() - started) / 1_000_000;
            LOG.info("Defense {} trained in {} ms, judged in {} ms: {}", defenseId, trainingMs, evaluationMs, verdict);
            record(competitionId, () -> {
                defenses.scored(defenseId, verdict, evaluationMs, clock.instant());
                return true;
            });
        } catch (TrainingCancelledException e) {
            LOG.info("Defense {} stopped during training", defenseId);
            end(competitionId, defenseId, shuttingDown.getAsBoolean() ? DefenseStatus.FAILED : DefenseStatus.CANCELLED,
                    shuttingDown.getAsBoolean() ? "The worker stopped; submit the recipe again" : null);
        } catch (RuntimeException e) {
            LOG.warn("Defense {} failed", defenseId, e);
            end(competitionId, defenseId, DefenseStatus.FAILED, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private MultiLayerNetwork train(Defense defense, Competition competition, BooleanSupplier shuttingDown) {
        DefenseRecipe recipe = defense.recipe();
        DatasetId dataset = competition.target().dataset();
        DatasetSplit split = catalog.dataset(dataset);
        DatasetSplit quotaSplit = new DatasetSplit(share(split.train(), competition.settings().seed()), split.test());
        ClassifierId id = new ClassifierId(dataset, recipe.architecture(), recipe.method().training(), DEFENSE_VERSION);
        AdversarialTraining adversarial = new AdversarialTraining(id, recipe.epsilon(), Math.max(1, recipe.attackSteps()),
                NO_RAMP);
        ClassifierTrainingPlan plan = new ClassifierTrainingPlan(recipe.epochs(), quota.batchSize(), recipe.seed(), 0,
                recipe.architecture().defaultLearningRate());
        BooleanSupplier stop = () -> shuttingDown.getAsBoolean() || defenses.cancelRequested(defense.id());
        TrainedClassifier trained = new ClassifierTrainer(TrainingListener.none(), Cancellation.none()).train(id,
                quotaSplit, plan, network -> new DefenseTrainingSteps(adversarial.batchesFor(network), stop,
                        step -> progress(defense, step)));
        return trained.network();
    }

    /** The quota's share of the training split: the same images for every entrant, drawn by the competition's seed. */
    private ImageSet share(ImageSet train, long seed) {
        if (train.size() <= quota.trainingImages()) {
            return train;
        }
        List<Integer> order = IntStream.range(0, train.size()).boxed().collect(Collectors.toList());
        Collections.shuffle(order, new Random(seed));
        return train.select(order.subList(0, quota.trainingImages()).stream().mapToInt(Integer::intValue).toArray());
    }

    private void progress(Defense defense, int step) {
        record(defense.competitionId(), () -> {
            defenses.progress(defense.id(), step);
            return true;
        });
    }

    private void end(long competitionId, long defenseId, DefenseStatus status, @org.jspecify.annotations.Nullable String why) {
        record(competitionId, () -> {
            defenses.ended(defenseId, status, why, clock.instant());
            return true;
        });
    }

    static byte[] weights(MultiLayerNetwork network) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ModelSerializer.writeModel(network, out, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static MultiLayerNetwork load(byte[] weights) {
        try {
            return Networks.load(new ByteArrayInputStream(weights), false);
        } catch (IOException e) {
            throw new UncheckedIOException("The stored weights cannot be read", e);
        }
    }

    private boolean record(long competitionId, BooleanSupplier change) {
        Boolean changed = transaction.execute(status -> {
            boolean done = change.getAsBoolean();
            if (done) {
                publisher.publish(CompetitionService.TOPIC, competitionId, competitions.bumpVersion(competitionId));
            }
            return done;
        });
        return Boolean.TRUE.equals(changed);
    }
}
