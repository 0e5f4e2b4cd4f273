package org.adversarialarena.competition;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
 * What a worker does with an execution of the {@code competition-matrix} task: runs the fixed target
 * and every final defense (exactly its stored weights) on every final attack (exactly its stored
 * images), counts the misclassified images per pair, and records the cells in one short transaction.
 * Judge first, then record; any error records FAILED with its reason. Announced on the live topic.
 */
@Component
class MatrixJob {

    private static final Logger LOG = LoggerFactory.getLogger(MatrixJob.class);

    private final CompetitionStore competitions;
    private final DefenseStore defenses;
    private final CrossEvaluationStore matrices;
    private final DefenseNetworks networks;
    private final ModelCatalog catalog;
    private final LivePublisher publisher;
    private final TransactionTemplate transaction;
    private final Clock clock;

    MatrixJob(CompetitionStore competitions, DefenseStore defenses, CrossEvaluationStore matrices, DefenseNetworks networks,
            ModelCatalog catalog, LivePublisher publisher, TransactionTemplate transaction, Clock clock) {
        this.competitions = competitions;
        this.defenses = defenses;
        this.matrices = matrices;
        this.networks = networks;
        this.catalog = catalog;
        this.publisher = publisher;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** {@code atEnd}: the execution scheduled for the end, which does nothing if the end has not come. */
    void compute(long competitionId, boolean atEnd) {
        Optional<Competition> found = competitions.competition(competitionId);
        if (found.isEmpty() || atEnd && !found.get().settings().isOver(clock.instant())) {
            LOG.info("Competition {} is gone or not over: no matrix", competitionId);
            return;
        }
        Competition competition = found.get();
        record(competitionId, () -> matrices.computing(competitionId, clock.instant()));
        try {
            long started = System.nanoTime();
            ChallengeSet set = competitions.challengeSet(competitionId);
            List<Submission> attacks = FinalEntries.attacks(competition.settings(), competitions.submissions(competitionId));
            Map<Long, float[][]> images = new LinkedHashMap<>();
            for (Submission attack : attacks) {
                images.put(attack.id(), AttackFile.fromRaw(competitions.images(attack.id())));
            }
            List<MatrixCell> cells = new ArrayList<>();
            ClassifierPool target = catalog.classifier(competition.target());
            column(set, images, target, null, cells);
            for (Defense defense : FinalEntries.defenses(competition.settings(), defenses.scored(competitionId))) {
                column(set, images, networks.of(defense.id()), defense.id(), cells);
            }
            long ms = (System.nanoTime() - started) / 1_000_000;
            LOG.info("Matrix of competition {}: {} attacks x {} columns in {} ms", competitionId, attacks.size(),
                    attacks.isEmpty() ? 0 : cells.size() / attacks.size(), ms);
            record(competitionId, () -> matrices.computed(competitionId, cells, set.size(), ms, clock.instant()));
        } catch (RuntimeException e) {
            LOG.warn("The matrix of competition {} failed", competitionId, e);
            record(competitionId, () -> matrices.failed(competitionId, e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
    }

    private static void column(ChallengeSet set, Map<Long, float[][]> attacks, ClassifierPool network,
            @org.jspecify.annotations.Nullable Long defenseId, List<MatrixCell> cells) {
        attacks.forEach((submission, images) -> {
            boolean[] wrong = CrossEvaluation.misclassified(set, EvaluationJob.predict(network, images));
            int count = 0;
            for (boolean w : wrong) {
                count += w ? 1 : 0;
            }
            cells.add(new MatrixCell(submission, defenseId, count));
        });
    }

    private void record(long competitionId, Runnable change) {
        transaction.executeWithoutResult(status -> {
            change.run();
            publisher.publish(CompetitionService.TOPIC, competitionId, competitions.bumpVersion(competitionId));
        });
    }
}
