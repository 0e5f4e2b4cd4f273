package org.adversarialarena.competition;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.adversarialarena.base.live.LivePublisher;
import org.adversarialarena.catalog.ModelCatalog;
import org.adversarialarena.ml.serve.ClassifierPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a worker does with an execution of the {@code competition-evaluation} task: marks the
 * submission EVALUATING, runs the target on its stored images (the exact inputs that passed the
 * checks), scores them with {@link AttackScoring} and, in the attack phase, runs every final defense on
 * them too ({@code competition_attack_result}); then records SCORED; any error records FAILED with
 * its reason, which costs the entrant no submission. Judge first, then record: the network runs
 * outside any transaction. Each status change is announced on the competition's live topic.
 */
@Component
class EvaluationJob {

    private static final Logger LOG = LoggerFactory.getLogger(EvaluationJob.class);
    private static final int BATCH = 100;

    private final CompetitionStore store;
    private final DefenseStore defenses;
    private final CrossEvaluationStore crossEvaluation;
    private final DefenseNetworks networks;
    private final ModelCatalog catalog;
    private final LivePublisher publisher;
    private final TransactionTemplate transaction;
    private final Clock clock;

    EvaluationJob(CompetitionStore store, DefenseStore defenses, CrossEvaluationStore crossEvaluation,
            DefenseNetworks networks, ModelCatalog catalog, LivePublisher publisher, TransactionTemplate transaction,
            Clock clock) {
        this.store = store;
        this.defenses = defenses;
        this.crossEvaluation = crossEvaluation;
        this.networks = networks;
        this.catalog = catalog;
        this.publisher = publisher;
        this.transaction = transaction;
        this.clock = clock;
    }

    void evaluate(long submissionId) {
        Optional<Submission> found = store.submission(submissionId);
        if (found.isEmpty() || !record(found.get().competitionId(), () -> store.startEvaluating(submissionId))) {
            LOG.info("Submission {} is no longer queued; nothing to evaluate", submissionId);
            return;
        }
        long competitionId = found.get().competitionId();
        try {
            Competition competition = store.competition(competitionId).orElseThrow();
            ChallengeSet set = store.challengeSet(competitionId);
            float[][] images = AttackFile.fromRaw(store.images(submissionId));
            ClassifierPool target = catalog.classifier(competition.target());
            long started = System.nanoTime();
            int[] predicted = predict(target, images);
            AttackScore score = AttackScoring.score(set, images, predicted, competition.settings().budget());
            Map<Long, boolean[]> against = againstDefenses(competition, found.get(), set, images);
            LOG.info("Submission {} evaluated: {} images against the target and {} defenses in {} ms", submissionId,
                    images.length, against.size(), (System.nanoTime() - started) / 1_000_000);
            record(competitionId, () -> {
                store.scored(submissionId, score, clock.instant());
                against.forEach((defense, fooled) -> crossEvaluation.insertAttackResult(submissionId, defense, fooled,
                        CrossEvaluation.publicShare(set, fooled)));
                return true;
            });
        } catch (RuntimeException e) {
            LOG.warn("Evaluating submission {} failed", submissionId, e);
            record(competitionId, () -> {
                store.failed(submissionId, e.getClass().getSimpleName() + ": " + e.getMessage(), clock.instant());
                return true;
            });
        }
    }

    /**
     * In the attack phase, the submission also faces every final defense: which images each
     * misclassified, by defense id. Before it (or in a contest whose defenses are not attacked), none.
     */
    private Map<Long, boolean[]> againstDefenses(Competition competition, Submission submission, ChallengeSet set,
            float[][] images) {
        CompetitionSettings settings = competition.settings();
        Map<Long, boolean[]> fooled = new LinkedHashMap<>();
        if (settings.attackPhase().filter(phase -> submission.phase() >= phase).isEmpty()) {
            return fooled;
        }
        for (Defense defense : FinalEntries.defenses(settings, defenses.scored(competition.id()))) {
            fooled.put(defense.id(), CrossEvaluation.misclassified(set, predict(networks.of(defense.id()), images)));
        }
        return fooled;
    }

    static int[] predict(ClassifierPool target, float[][] images) {
        int[] classes = new int[images.length];
        for (int from = 0; from < images.length; from += BATCH) {
            float[][] batch = java.util.Arrays.copyOfRange(images, from, Math.min(images.length, from + BATCH));
            System.arraycopy(classes(target.logits(batch)), 0, classes, from, batch.length);
        }
        return classes;
    }

    /** The most likely class of each row of logits. */
    static int[] classes(float[][] logits) {
        int[] classes = new int[logits.length];
        for (int i = 0; i < logits.length; i++) {
            int best = 0;
            for (int c = 1; c < logits[i].length; c++) {
                if (logits[i][c] > logits[i][best]) {
                    best = c;
                }
            }
            classes[i] = best;
        }
        return classes;
    }

    private boolean record(long competitionId, java.util.function.BooleanSupplier change) {
        Boolean changed = transaction.execute(status -> {
            boolean done = change.getAsBoolean();
            if (done) {
                publisher.publish(CompetitionService.TOPIC, competitionId, store.bumpVersion(competitionId));
            }
            return done;
        });
        return Boolean.TRUE.equals(changed);
    }
}
