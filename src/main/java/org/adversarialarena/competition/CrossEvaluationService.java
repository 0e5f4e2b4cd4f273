package org.adversarialarena.competition;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.adversarialarena.base.Csv;
import org.adversarialarena.base.live.LivePublisher;
import org.adversarialarena.quota.Admission;
import org.adversarialarena.quota.LimitReachedException;
import org.adversarialarena.quota.RateLimit;
import org.adversarialarena.quota.RateLimiter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Attacks against defenses: what each attack-phase submission did to the final defenses, and the
 * cross-evaluation matrix (every final attack against the fixed target and every final defense,
 * NIPS 2017 scoring), computed by the {@code competition-matrix} job at the end or when the host asks.
 * Participants and visitors see the matrix once the competition is over; the host at any time.
 */
@Service
public class CrossEvaluationService {

    static final String CSV_HEADER = "attack_submission,attacker,column,defense,defender,misclassified,images,"
            + "attack_score,attack_rank,column_score,defense_rank";
    /** A matrix runs every final defense on every final attack: the host may ask a few times an hour. */
    private static final RateLimit REQUESTS = new RateLimit("competition-matrix", 6, Duration.ofHours(1));

    private final CompetitionService competitions;
    private final CompetitionStore store;
    private final DefenseStore defenses;
    private final CrossEvaluationStore matrices;
    private final MatrixQueue queue;
    private final RateLimiter limiter;
    private final LivePublisher publisher;
    private final TransactionTemplate transaction;
    private final Clock clock;

    CrossEvaluationService(CompetitionService competitions, CompetitionStore store, DefenseStore defenses,
            CrossEvaluationStore matrices, MatrixQueue queue, RateLimiter limiter, LivePublisher publisher,
            TransactionTemplate transaction, Clock clock) {
        this.competitions = competitions;
        this.store = store;
        this.defenses = defenses;
        this.matrices = matrices;
        this.queue = queue;
        this.limiter = limiter;
        this.publisher = publisher;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * The host asks for the matrix now (e.g. to check it before the end). Refused: someone else
     * (looks missing), a computation already queued or under way, past the rate limit.
     */
    public void computeNow(long competitionId) {
        if (!competitions.isHost(competitionId)) {
            throw CompetitionRefusedException.notFound();
        }
        Admission admission = limiter.hit(REQUESTS, Long.toString(competitionId));
        if (!admission.allowed()) {
            throw new LimitReachedException("The matrix was asked for too often", admission.retryAfter());
        }
        transaction.executeWithoutResult(status -> {
            if (!matrices.request(competitionId, clock.instant())) {
                throw CompetitionRefusedException.notNow("competition.matrix.refused.busy", "The matrix is being computed");
            }
            queue.now(competitionId);
            publisher.publish(CompetitionService.TOPIC, competitionId, store.bumpVersion(competitionId));
        });
    }

    /** The matrix as {@code viewing}'s viewer may see it: the host always, others once the competition is over. */
    @Transactional(readOnly = true)
    public Matrix matrix(Viewing viewing) {
        if (!viewing.host() && !viewing.over()) {
            return Matrix.none();
        }
        long id = viewing.competition().id();
        CrossEvaluationStore.MatrixRun run = matrices.run(id).orElse(null);
        if (run == null) {
            return Matrix.none();
        }
        if (run.status() != MatrixStatus.DONE || run.images() == null) {
            return new Matrix(run.status(), run.failure(), run.computedAt(), 0, List.of(), List.of());
        }
        int images = run.images();
        CrossEvaluation.Scores scores = CrossEvaluation.score(matrices.cells(id), images);
        CompetitionSettings settings = viewing.competition().settings();
        Boards.Viewer viewer = Boards.viewerOf(viewing);
        Map<Long, Submission> submissions = store.submissions(id).stream()
                .collect(Collectors.toMap(Submission::id, s -> s));
        Map<Long, Long> defenders = defenses.scored(id).stream().collect(Collectors.toMap(Defense::id, Defense::entrantId));
        Map<Long, String> nicknames = new HashMap<>();
        List<Matrix.Column> columns = new ArrayList<>();
        for (Long column : scores.columns()) {
            if (column == null) {
                columns.add(new Matrix.Column(null, settings.modelName(), false, scores.columnScores().get(null), 0));
                continue;
            }
            long entrant = defenders.getOrDefault(column, -1L);
            boolean you = viewer.owns(Competitor.entrant(entrant));
            columns.add(new Matrix.Column(column, named(settings, viewer, you) ? nickname(nicknames, entrant) : null, you,
                    scores.columnScores().get(column), scores.defenseRanks().get(column)));
        }
        List<Matrix.Row> rows = new ArrayList<>();
        for (Long attack : scores.attacks()) {
            Submission submission = submissions.get(attack);
            boolean you = submission != null && viewer.owns(submission.competitor());
            List<Integer> cells = scores.columns().stream().map(column -> scores.cell(attack, column)).toList();
            rows.add(new Matrix.Row(attack, submission != null && named(settings, viewer, you) ? submission.competitorName() : null,
                    you, cells, scores.attackScores().get(attack), scores.attackRanks().get(attack)));
        }
        return new Matrix(run.status(), null, run.computedAt(), images, columns, rows);
    }

    /** The matrix as CSV for the host, one line per cell with both totals and ranks ({@link Csv}: formulas escaped). */
    public String exportCsv(long competitionId) {
        if (!competitions.isHost(competitionId)) {
            throw CompetitionRefusedException.notFound();
        }
        Matrix matrix = matrix(competitions.view(competitionId, null, null));
        StringBuilder csv = new StringBuilder(CSV_HEADER).append("\r\n");
        for (Matrix.Row row : matrix.rows()) {
            for (int c = 0; c < matrix.columns().size(); c++) {
                Matrix.Column column = matrix.columns().get(c);
                Csv.row(csv, Long.toString(row.submissionId()), row.name(), column.defenseId() == null ? "target" : "defense",
                        column.defenseId() == null ? null : Long.toString(column.defenseId()), column.name(),
                        Integer.toString(row.misclassified().get(c)), Integer.toString(matrix.images()),
                        Integer.toString(row.score()), Integer.toString(row.rank()), Integer.toString(column.score()),
                        column.rank() == 0 ? null : Integer.toString(column.rank()));
            }
        }
        return csv.toString();
    }

    /** What each attack-phase submission of the entrant (or their team) did to each final defense, by submission id. */
    @Transactional(readOnly = true)
    public Map<Long, List<AttackResult>> againstDefenses(long entrantId) {
        return matrices.attackResultsOf(entrantId).stream().collect(Collectors.groupingBy(AttackResult::submissionId));
    }

    private static boolean named(CompetitionSettings settings, Boards.Viewer viewer, boolean you) {
        return !settings.anonymousBoard() || viewer.host() || you;
    }

    private String nickname(Map<Long, String> cache, long entrantId) {
        return cache.computeIfAbsent(entrantId, id -> store.entrant(id).map(Entrant::nickname).orElse("?"));
    }
}
