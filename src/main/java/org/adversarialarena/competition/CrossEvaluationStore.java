package org.adversarialarena.competition;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Attacks against defenses in PostgreSQL: an attack-phase submission's result against each final
 * defense ({@code competition_attack_result}), and the cross-evaluation matrix with its cells
 * ({@code competition_matrix}, {@code competition_matrix_cell}). Writes run in the caller's transaction.
 */
@Repository
class CrossEvaluationStore {

    /** The matrix's run row. */
    record MatrixRun(MatrixStatus status, @Nullable String failure, Instant requestedAt, @Nullable Instant computedAt,
            @Nullable Long computingMs, @Nullable Integer images) {
    }

    private final JdbcTemplate jdbc;

    CrossEvaluationStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insertAttackResult(long submissionId, long defenseId, boolean[] fooled, double publicSuccess) {
        jdbc.update("insert into competition_attack_result (submission_id, defense_id, fooled, fooled_count, public_success)"
                + " values (?, ?, ?, ?, ?) on conflict (submission_id, defense_id) do nothing", submissionId, defenseId,
                bytes(fooled), count(fooled), publicSuccess);
    }

    /** The results of the attacks of the entrant and, if they are in a team, of its members. */
    List<AttackResult> attackResultsOf(long entrantId) {
        return jdbc.query("select r.submission_id, r.defense_id, r.fooled_count, r.public_success"
                + " from competition_attack_result r join competition_submission s on s.id = r.submission_id"
                + " where s.entrant_id in " + CompetitionStore.MEMBERS + " order by r.submission_id, r.defense_id",
                (rs, n) -> new AttackResult(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getDouble(4)),
                entrantId, entrantId);
    }

    /** Queues a computation; false if one is already queued or under way. */
    boolean request(long competitionId, Instant now) {
        return jdbc.update("insert into competition_matrix (competition_id, status, requested_at) values (?, 'QUEUED', ?)"
                + " on conflict (competition_id) do update set status = 'QUEUED', failure = null,"
                + " requested_at = excluded.requested_at where competition_matrix.status not in ('QUEUED', 'COMPUTING')",
                competitionId, Timestamp.from(now)) == 1;
    }

    void computing(long competitionId, Instant now) {
        jdbc.update("insert into competition_matrix (competition_id, status, requested_at) values (?, 'COMPUTING', ?)"
                + " on conflict (competition_id) do update set status = 'COMPUTING', failure = null", competitionId,
                Timestamp.from(now));
    }

    /** Replaces the matrix's cells and marks it done. */
    void computed(long competitionId, List<MatrixCell> cells, int images, long computingMs, Instant now) {
        jdbc.update("delete from competition_matrix_cell where competition_id = ?", competitionId);
        jdbc.batchUpdate("insert into competition_matrix_cell (competition_id, submission_id, defense_id, misclassified)"
                + " values (?, ?, ?, ?)", cells.stream().map(cell -> new Object[] {competitionId, cell.submissionId(),
                        cell.defenseId(), cell.misclassified()}).toList());
        jdbc.update("update competition_matrix set status = 'DONE', failure = null, computed_at = ?, computing_ms = ?,"
                + " images = ? where competition_id = ?", Timestamp.from(now), computingMs, images, competitionId);
    }

    void failed(long competitionId, String reason) {
        jdbc.update("update competition_matrix set status = 'FAILED', failure = ? where competition_id = ?",
                reason.length() > 500 ? reason.substring(0, 500) : reason, competitionId);
    }

    Optional<MatrixRun> run(long competitionId) {
        return jdbc.query("select status, failure, requested_at, computed_at, computing_ms, images from competition_matrix"
                + " where competition_id = ?", (rs, n) -> new MatrixRun(MatrixStatus.valueOf(rs.getString(1)),
                        rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant(),
                        rs.getObject(5, Long.class), rs.getObject(6, Integer.class)), competitionId).stream().findFirst();
    }

    List<MatrixCell> cells(long competitionId) {
        return jdbc.query("select submission_id, defense_id, misclassified from competition_matrix_cell"
                + " where competition_id = ? order by submission_id, defense_id nulls first", (rs, n) -> new MatrixCell(
                        rs.getLong(1), rs.getObject(2, Long.class), rs.getInt(3)), competitionId);
    }

    private static byte[] bytes(boolean[] flags) {
        byte[] bytes = new byte[flags.length];
        for (int i = 0; i < flags.length; i++) {
            bytes[i] = (byte) (flags[i] ? 1 : 0);
        }
        return bytes;
    }

    private static int count(boolean[] flags) {
        int n = 0;
        for (boolean flag : flags) {
            n += flag ? 1 : 0;
        }
        return n;
    }
}
