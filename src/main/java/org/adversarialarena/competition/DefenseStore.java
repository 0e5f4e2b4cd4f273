package org.adversarialarena.competition;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.adversarialarena.ml.model.ClassifierArchitecture;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * The defense track's rows ({@code competition_defense}). Status changes name the status they leave,
 * so a change that lost a race (a cancel, a revived execution) is a no-op.
 */
@Repository
class DefenseStore {

    private static final String COLUMNS = "id, competition_id, entrant_id, method, architecture, epsilon, attack_steps,"
            + " epochs, seed, status, step, total_steps, cancel_requested, failure, submitted_at, training_ms,"
            + " evaluation_ms, weights_sha256, clean_accuracy, robust_accuracy, pgd_accuracy, apgd_accuracy, evaluated_at,"
            + " public_robust, private_robust";
    private static final RowMapper<Defense> ROW = DefenseStore::defense;

    private final JdbcTemplate jdbc;

    DefenseStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long competitionId, long entrantId, DefenseRecipe recipe, int totalSteps, Instant now) {
        Long id = jdbc.queryForObject("insert into competition_defense (competition_id, entrant_id, method, architecture,"
                + " epsilon, attack_steps, epochs, seed, status, total_steps, submitted_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, 'QUEUED', ?, ?) returning id", Long.class, competitionId, entrantId,
                recipe.method().name(), recipe.architecture().name(), recipe.epsilon(), recipe.attackSteps(),
                recipe.epochs(), recipe.seed(), totalSteps, Timestamp.from(now));
        return id == null ? -1 : id;
    }

    Optional<Defense> find(long id) {
        return jdbc.query("select " + COLUMNS + " from competition_defense where id = ?", ROW, id).stream().findFirst();
    }

    List<Defense> ofEntrant(long entrantId) {
        return jdbc.query("select " + COLUMNS + " from competition_defense where entrant_id = ? order by submitted_at desc, id desc",
                ROW, entrantId);
    }

    List<Defense> scored(long competitionId) {
        return jdbc.query("select " + COLUMNS + " from competition_defense where competition_id = ? and status = 'SCORED'"
                + " order by id", ROW, competitionId);
    }

    /** Defenses that count against the entrant's quota: all but failed ones. */
    int counted(long entrantId) {
        Integer n = jdbc.queryForObject("select count(*) from competition_defense where entrant_id = ?"
                + " and status <> 'FAILED'", Integer.class, entrantId);
        return n == null ? 0 : n;
    }

    int active(long entrantId) {
        Integer n = jdbc.queryForObject("select count(*) from competition_defense where entrant_id = ?"
                + " and status in ('QUEUED', 'TRAINING', 'EVALUATING')", Integer.class, entrantId);
        return n == null ? 0 : n;
    }

    /**
     * Starts (or, for an execution revived after its node died, restarts) the training: a defense
     * caught mid-training or mid-judging trains again from its start.
     */
    boolean startTraining(long id) {
        return jdbc.update("update competition_defense set status = 'TRAINING', step = 0 where id = ?"
                + " and status in ('QUEUED', 'TRAINING', 'EVALUATING') and not cancel_requested", id) == 1;
    }

    void progress(long id, int step) {
        jdbc.update("update competition_defense set step = ? where id = ? and status = 'TRAINING'", step, id);
    }

    boolean cancelRequested(long id) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select cancel_requested from competition_defense where id = ?",
                Boolean.class, id));
    }

    /** Asks the worker to stop; a queued defense is cancelled at once. */
    boolean requestCancel(long id, Instant now) {
        jdbc.update("update competition_defense set status = 'CANCELLED', evaluated_at = ? where id = ? and status = 'QUEUED'",
                Timestamp.from(now), id);
        return jdbc.update("update competition_defense set cancel_requested = true where id = ?"
                + " and status in ('QUEUED', 'TRAINING', 'CANCELLED')", id) == 1;
    }

    boolean trained(long id, byte[] weights, String sha256, long trainingMs, Instant now) {
        return jdbc.update("update competition_defense set status = 'EVALUATING', step = total_steps, weights = ?,"
                + " weights_sha256 = ?, training_ms = ?, trained_at = ? where id = ? and status = 'TRAINING'",
                weights, sha256, trainingMs, Timestamp.from(now), id) == 1;
    }

    byte[] weights(long id) {
        byte[] weights = jdbc.queryForObject("select weights from competition_defense where id = ?", byte[].class, id);
        if (weights == null) {
            throw new IllegalStateException("Defense " + id + " has no weights");
        }
        return weights;
    }

    void scored(long id, DefenseVerdict verdict, long evaluationMs, Instant now) {
        byte[] robust = new byte[verdict.robustImages().length];
        for (int i = 0; i < robust.length; i++) {
            robust[i] = (byte) (verdict.robustImages()[i] ? 1 : 0);
        }
        jdbc.update("update competition_defense set status = 'SCORED', clean_accuracy = ?, robust_accuracy = ?,"
                + " pgd_accuracy = ?, apgd_accuracy = ?, public_robust = ?, private_robust = ?, robust = ?,"
                + " evaluation_ms = ?, evaluated_at = ? where id = ? and status = 'EVALUATING'", verdict.clean(),
                verdict.robust(), verdict.pgd(), verdict.apgd(), verdict.publicRobust(), verdict.privateRobust(), robust,
                evaluationMs, Timestamp.from(now), id);
    }

    void ended(long id, DefenseStatus status, @Nullable String failure, Instant now) {
        jdbc.update("update competition_defense set status = ?, failure = ?, evaluated_at = ? where id = ?"
                + " and status in ('QUEUED', 'TRAINING', 'EVALUATING')", status.name(), failure, Timestamp.from(now), id);
    }

    private static Defense defense(ResultSet rs, int row) throws SQLException {
        DefenseRecipe recipe = new DefenseRecipe(DefenseMethod.valueOf(rs.getString("method")),
                ClassifierArchitecture.valueOf(rs.getString("architecture")), rs.getFloat("epsilon"),
                rs.getInt("attack_steps"), rs.getInt("epochs"), rs.getLong("seed"));
        return new Defense(rs.getLong("id"), rs.getLong("competition_id"), rs.getLong("entrant_id"), recipe,
                DefenseStatus.valueOf(rs.getString("status")), rs.getInt("step"), rs.getInt("total_steps"),
                rs.getBoolean("cancel_requested"), rs.getString("failure"), rs.getTimestamp("submitted_at").toInstant(),
                rs.getObject("training_ms", Long.class), rs.getObject("evaluation_ms", Long.class),
                rs.getString("weights_sha256"), rs.getObject("clean_accuracy", Double.class),
                rs.getObject("robust_accuracy", Double.class), rs.getObject("pgd_accuracy", Double.class),
                rs.getObject("apgd_accuracy", Double.class),
                rs.getTimestamp("evaluated_at") == null ? null : rs.getTimestamp("evaluated_at").toInstant(),
                rs.getObject("public_robust", Double.class), rs.getObject("private_robust", Double.class));
    }
}
