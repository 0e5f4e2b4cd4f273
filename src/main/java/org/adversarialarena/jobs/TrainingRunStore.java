package org.adversarialarena.jobs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The run tables in plain SQL. The training thread writes here many times a second (stop flags
 * before every step, progress, checkpoints of several megabytes), and every write of a running job
 * is fenced by its attempt number ({@code where attempt = ?}), so a node that lost its run to
 * another one can no longer change it; JPA's entity cache and dirty checking would only add work.
 */
@Service
class TrainingRunStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS = """
            r.id, r.owner_account_id, r.owner_player_id, r.kind, r.settings::text as settings, r.status, r.step,
            r.total_steps, r.discriminator_loss, r.generator_signal, r.metrics::text as metrics, r.cancel_requested,
            r.pause_requested, r.attempt, r.failures, r.node, r.failure_reason, r.submitted_at, r.started_at,
            r.finished_at, r.version, r.pace, r.pending_discriminator_steps, r.pending_generator_steps, r.forked_from,
            r.promoted_by, r.promoted_at,
            (select max(c.step) from training_checkpoint c where c.run_id = r.id) as checkpoint_step""";

    private final JdbcClient jdbc;
    private final RunQueue queue;
    private final Clock clock;

    TrainingRunStore(DataSource dataSource, RunQueue queue, Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.queue = queue;
        this.clock = clock;
    }

    /**
     * Records a run and queues it, in one transaction, unless its owner already has
     * {@code runningPerOwner} runs queued or running (the check holds an advisory lock on the owner,
     * so two submissions at once cannot both pass it).
     */
    @Transactional
    long submit(RunOwner owner, RunKind kind, String settingsJson, int totalSteps, int runningPerOwner) {
        return submit(owner, kind, settingsJson, totalSteps, runningPerOwner, RunPace.FREE);
    }

    @Transactional
    long submit(RunOwner owner, RunKind kind, String settingsJson, int totalSteps, int runningPerOwner, RunPace pace) {
        if (!owner.isSystem()) {
            jdbc.sql("select pg_advisory_xact_lock(hashtext('training_run'), hashtext(:owner))")
                    .param("owner", owner.toString()).query().listOfRows();
            int active = activeRuns(owner);
            if (active >= runningPerOwner) {
                throw new RunQuotaExceededException(RunQuotaExceededException.Reason.TOO_MANY_RUNNING,
                        "This owner already has " + active + " run(s) queued or running; at most " + runningPerOwner
                                + " at a time", runningPerOwner);
            }
        }
        OffsetDateTime now = now();
        long id = jdbc.sql("""
                insert into training_run (owner_account_id, owner_player_id, kind, settings, status, total_steps,
                    submitted_at, updated_at, pace)
                values (:account, :player, :kind, cast(:settings as jsonb), 'QUEUED', :total, :now, :now, :pace)
                returning id""")
                .param("pace", pace.name())
                .param("account", owner.accountId()).param("player", owner.playerId()).param("kind", kind.name())
                .param("settings", settingsJson).param("total", totalSteps).param("now", now)
                .query(Long.class).single();
        queue.enqueue(id, 0);
        return id;
    }

    private int activeRuns(RunOwner owner) {
        return jdbc.sql("""
                select count(*) from training_run
                where status in ('QUEUED', 'RUNNING')
                  and owner_account_id is not distinct from :account and owner_player_id is not distinct from :player""")
                .param("account", owner.accountId()).param("player", owner.playerId())
                .query(Integer.class).single();
    }

    Optional<TrainingRun> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from training_run r where r.id = :id").param("id", id)
                .query(TrainingRunStore::run).optional();
    }

    List<TrainingRun> ofOwner(RunOwner owner) {
        return jdbc.sql("select " + COLUMNS + """
                 from training_run r
                where owner_account_id is not distinct from :account and owner_player_id is not distinct from :player
                order by r.submitted_at desc, r.id desc""")
                .param("account", owner.accountId()).param("player", owner.playerId())
                .query(TrainingRunStore::run).list();
    }

    /**
     * The queue as the admin's page shows it: running runs, then the waiting ones in the order a worker
     * takes them (priority, then the oldest), then the paused ones; each with its owner's address or nickname.
     */
    List<QueuedRun> queue() {
        return jdbc.sql("""
                select r.id, r.kind, r.status, r.step, r.total_steps, r.node, r.priority, r.submitted_at,
                       a.email, p.nickname, r.owner_account_id, r.owner_player_id
                  from training_run r
                  left join account a on a.id = r.owner_account_id
                  left join player p on p.id = r.owner_player_id
                 where r.status in ('QUEUED', 'RUNNING', 'PAUSED')
                 order by case r.status when 'RUNNING' then 0 when 'QUEUED' then 1 else 2 end,
                          r.priority desc, r.submitted_at, r.id""")
                .query((rs, row) -> new QueuedRun(rs.getLong("id"), RunKind.valueOf(rs.getString("kind")),
                        RunStatus.valueOf(rs.getString("status")), rs.getInt("step"), rs.getInt("total_steps"),
                        rs.getString("node"), rs.getInt("priority"), instant(rs, "submitted_at"),
                        new RunOwner(rs.getObject("owner_account_id", Long.class),
                                rs.getObject("owner_player_id", Long.class)),
                        rs.getString("email") != null ? rs.getString("email") : rs.getString("nickname")))
                .list();
    }

    /**
     * Sets an unfinished run's priority; a waiting one is moved in db-scheduler's queue at once, a running
     * or paused one keeps it for when it is queued again. False if the run is over (or unknown).
     */
    @Transactional
    boolean reprioritise(long id, int priority) {
        String status = jdbc.sql("""
                update training_run set priority = :priority, updated_at = :now, version = version + 1
                where id = :id and status in ('QUEUED', 'RUNNING', 'PAUSED') returning status""")
                .param("id", id).param("priority", priority).param("now", now()).query(String.class).optional()
                .orElse(null);
        if (status == null) {
            return false;
        }
        if (RunStatus.valueOf(status) == RunStatus.QUEUED) {
            queue.reprioritise(id, priority);
        }
        return true;
    }

    /** Runs waiting, running or paused, oldest first. */
    List<TrainingRun> unfinished() {
        return jdbc.sql("select " + COLUMNS + """
                 from training_run r where r.status in ('QUEUED', 'RUNNING', 'PAUSED')
                order by r.submitted_at, r.id""").query(TrainingRunStore::run).list();
    }

    List<RunProgressPoint> curve(long id) {
        return jdbc.sql("""
                select step, discriminator_loss, generator_signal, metrics::text as metrics
                from training_progress where run_id = :id order by step""").param("id", id)
                .query((rs, row) -> new RunProgressPoint(rs.getInt("step"), rs.getDouble("discriminator_loss"),
                        rs.getDouble("generator_signal"), metrics(rs.getString("metrics")))).list();
    }

    /**
     * A worker takes the run: a new attempt (which fences any earlier one), its node, RUNNING. Empty
     * when the run should not run any more (cancelled, paused, over).
     */
    @Transactional
    OptionalInt claim(long id, String node) {
        List<Integer> attempts = jdbc.sql("""
                update training_run set status = 'RUNNING', attempt = attempt + 1, node = :node,
                    started_at = coalesce(started_at, :now), updated_at = :now, version = version + 1
                where id = :id and status in ('QUEUED', 'RUNNING') returning attempt""")
                .param("id", id).param("node", node).param("now", now()).query(Integer.class).list();
        return attempts.isEmpty() ? OptionalInt.empty() : OptionalInt.of(attempts.getFirst());
    }

    /** Read before every step, outside any transaction: one indexed row. */
    RunSignals signals(long id) {
        return jdbc.sql("""
                select cancel_requested, pause_requested, attempt, pace, pending_discriminator_steps,
                    pending_generator_steps, version from training_run where id = :id""")
                .param("id", id)
                .query((rs, row) -> new RunSignals(rs.getBoolean(1), rs.getBoolean(2), rs.getInt(3),
                        RunPace.valueOf(rs.getString(4)), rs.getInt(5), rs.getInt(6), rs.getLong(7))).single();
    }

    /** The run's latest figures and a point of its curve; its new version, or empty if {@code attempt} lost the run. */
    @Transactional
    OptionalLong recordProgress(long id, int attempt, RunProgressPoint point) {
        return recordProgress(id, attempt, point, null, null);
    }

    /** Also the latest samples, if given, and one single step of {@code taken} counted as done. */
    @Transactional
    OptionalLong recordProgress(long id, int attempt, RunProgressPoint point, byte @Nullable [] samples,
            @Nullable StepOrder taken) {
        OffsetDateTime now = now();
        String metrics = JSON.writeValueAsString(point.metrics());
        List<Long> versions = jdbc.sql("""
                update training_run set step = :step, discriminator_loss = :loss, generator_signal = :signal,
                    metrics = cast(:metrics as jsonb), updated_at = :now, version = version + 1,
                    samples = coalesce(:samples, samples),
                    pending_discriminator_steps = greatest(pending_discriminator_steps - :takenD, 0),
                    pending_generator_steps = greatest(pending_generator_steps - :takenG, 0)
                where id = :id and attempt = :attempt returning version""")
                .param("id", id).param("attempt", attempt).param("step", point.step()).param("samples", samples)
                .param("takenD", taken == StepOrder.DISCRIMINATOR ? 1 : 0)
                .param("takenG", taken == StepOrder.GENERATOR ? 1 : 0)
                .param("loss", finiteOrNull(point.discriminatorLoss()))
                .param("signal", finiteOrNull(point.generatorSignal())).param("metrics", metrics).param("now", now)
                .query(Long.class).list();
        if (versions.isEmpty()) {
            return OptionalLong.empty();
        }
        jdbc.sql("""
                insert into training_progress (run_id, step, discriminator_loss, generator_signal, metrics, recorded_at)
                values (:id, :step, :loss, :signal, cast(:metrics as jsonb), :now)
                on conflict (run_id, step) do update set discriminator_loss = excluded.discriminator_loss,
                    generator_signal = excluded.generator_signal, metrics = excluded.metrics,
                    recorded_at = excluded.recorded_at""")
                .param("id", id).param("step", point.step()).param("loss", point.discriminatorLoss())
                .param("signal", point.generatorSignal()).param("metrics", metrics).param("now", now).update();
        return OptionalLong.of(versions.getFirst());
    }

    /** Stores a checkpoint and forgets all but the newest {@code keep}; false if {@code attempt} lost the run. */
    @Transactional
    boolean saveCheckpoint(long id, int attempt, RunCheckpoint checkpoint, int keep) {
        // Locks the run row, so a take-over (which raises the attempt) waits for this checkpoint or makes it a no-op.
        boolean owned = !jdbc.sql("select id from training_run where id = :id and attempt = :attempt for update")
                .param("id", id).param("attempt", attempt).query(Long.class).list().isEmpty();
        if (!owned) {
            return false;
        }
        jdbc.sql("""
                insert into training_checkpoint (run_id, step, first_network, second_network, created_at)
                values (:id, :step, :first, :second, :now)
                on conflict (run_id, step) do update set first_network = excluded.first_network,
                    second_network = excluded.second_network, created_at = excluded.created_at""")
                .param("id", id).param("step", checkpoint.step()).param("first", checkpoint.firstNetwork())
                .param("second", checkpoint.secondNetwork()).param("now", now()).update();
        jdbc.sql("""
                delete from training_checkpoint where run_id = :id and step not in
                    (select step from training_checkpoint where run_id = :id order by step desc limit :keep)""")
                .param("id", id).param("keep", keep).update();
        jdbc.sql("update training_run set version = version + 1 where id = :id").param("id", id).update();
        return true;
    }

    Optional<RunCheckpoint> latestCheckpoint(long id) {
        return jdbc.sql("""
                select step, first_network, second_network from training_checkpoint
                where run_id = :id order by step desc limit 1""").param("id", id)
                .query((rs, row) -> new RunCheckpoint(rs.getInt(1), rs.getBytes(2), rs.getBytes(3))).optional();
    }

    /**
     * A running job ends its run (or hands it back to the queue) at {@code step}, the last step it
     * completed; false if {@code attempt} is no longer the run's.
     */
    @Transactional
    boolean end(long id, int attempt, int step, RunStatus status, @Nullable String reason) {
        return jdbc.sql("""
                update training_run set status = :status, step = :step, failure_reason = :reason, cancel_requested = false,
                    pause_requested = false, finished_at = case when :final then :now else finished_at end,
                    updated_at = :now, version = version + 1
                where id = :id and attempt = :attempt and status = 'RUNNING'""")
                .param("id", id).param("attempt", attempt).param("step", step).param("status", status.name())
                .param("reason", reason)
                .param("final", status.isFinal()).param("now", now()).update() == 1;
    }

    /** A try failed and db-scheduler will try again later: back in the queue, the reason kept for the owner. */
    @Transactional
    void failedTry(long id, String reason) {
        jdbc.sql("""
                update training_run set status = 'QUEUED', failures = failures + 1, failure_reason = :reason,
                    updated_at = :now, version = version + 1
                where id = :id and status in ('QUEUED', 'RUNNING')""")
                .param("id", id).param("reason", reason).param("now", now()).update();
    }

    /** The last try failed too: the run is over. */
    @Transactional
    void failed(long id, String reason) {
        jdbc.sql("""
                update training_run set status = 'FAILED', failures = failures + 1, failure_reason = :reason,
                    finished_at = :now, updated_at = :now, version = version + 1
                where id = :id and status in ('QUEUED', 'RUNNING')""")
                .param("id", id).param("reason", reason).param("now", now()).update();
    }

    /**
     * Cancels a queued or paused run at once (and takes it off the queue); a running one gets the
     * flag its job reads before its next step. False if the run is already over.
     */
    @Transactional
    boolean requestCancel(long id) {
        int now = jdbc.sql("""
                update training_run set status = 'CANCELLED', finished_at = :now, updated_at = :now,
                    version = version + 1
                where id = :id and status in ('QUEUED', 'PAUSED')""").param("id", id).param("now", now()).update();
        if (now == 1) {
            queue.dequeue(id);
            return true;
        }
        return flag(id, "cancel_requested");
    }

    /** A running run stops at its next step with a checkpoint; a queued one simply waits as paused. */
    @Transactional
    boolean requestPause(long id) {
        int queued = jdbc.sql("""
                update training_run set status = 'PAUSED', updated_at = :now, version = version + 1
                where id = :id and status = 'QUEUED'""").param("id", id).param("now", now()).update();
        if (queued == 1) {
            queue.dequeue(id);
            return true;
        }
        return flag(id, "pause_requested");
    }

    private boolean flag(long id, String column) {
        return jdbc.sql("update training_run set " + column + " = true, updated_at = :now, version = version + 1"
                + " where id = :id and status = 'RUNNING'").param("id", id).param("now", now()).update() == 1;
    }

    /** A paused run goes back to the queue, if its owner's quota allows. */
    @Transactional
    boolean resume(long id, int runningPerOwner) {
        TrainingRun run = find(id).orElseThrow(() -> new IllegalArgumentException("No training run " + id));
        if (run.status() != RunStatus.PAUSED) {
            return false;
        }
        RunOwner owner = run.owner();
        if (!owner.isSystem()) {
            jdbc.sql("select pg_advisory_xact_lock(hashtext('training_run'), hashtext(:owner))")
                    .param("owner", owner.toString()).query().listOfRows();
            if (activeRuns(owner) >= runningPerOwner) {
                throw new RunQuotaExceededException(RunQuotaExceededException.Reason.TOO_MANY_RUNNING,
                        "This owner already has a run queued or running; at most " + runningPerOwner + " at a time",
                        runningPerOwner);
            }
        }
        jdbc.sql("""
                update training_run set status = 'QUEUED', updated_at = :now, version = version + 1
                where id = :id and status = 'PAUSED'""").param("id", id).param("now", now()).update();
        queue.enqueue(id, jdbc.sql("select priority from training_run where id = :id").param("id", id)
                .query(Integer.class).single());
        return true;
    }

    /** Sets the pace of a queued, running or paused run; false if it is over. */
    @Transactional
    boolean setPace(long id, RunPace pace) {
        return jdbc.sql("""
                update training_run set pace = :pace, updated_at = :now, version = version + 1
                where id = :id and status in ('QUEUED', 'RUNNING', 'PAUSED')""")
                .param("id", id).param("pace", pace.name()).param("now", now()).update() == 1;
    }

    /** Orders one single step and holds the run for it; false if the run is over. */
    @Transactional
    boolean order(long id, StepOrder order) {
        String column = order == StepOrder.DISCRIMINATOR ? "pending_discriminator_steps" : "pending_generator_steps";
        return jdbc.sql("update training_run set pace = 'HELD', " + column + " = least(" + column + " + 1, 100),"
                + " updated_at = :now, version = version + 1"
                + " where id = :id and status in ('QUEUED', 'RUNNING', 'PAUSED')")
                .param("id", id).param("now", now()).update() == 1;
    }

    /**
     * Starts run {@code id} (just submitted) from its parent's checkpoint at {@code step}: a copy of the
     * checkpoint becomes the new run's own, so the parent's clean-up of old checkpoints cannot take it away.
     */
    @Transactional
    boolean forkFrom(long id, long parent, int step) {
        int copied = jdbc.sql("""
                insert into training_checkpoint (run_id, step, first_network, second_network, created_at)
                select :id, step, first_network, second_network, :now from training_checkpoint
                where run_id = :parent and step = :step""")
                .param("id", id).param("parent", parent).param("step", step).param("now", now()).update();
        if (copied != 1) {
            return false;
        }
        jdbc.sql("update training_run set forked_from = :parent, step = :step, version = version + 1 where id = :id")
                .param("id", id).param("parent", parent).param("step", step).update();
        return true;
    }

    /** {@link #submit} and {@link #forkFrom} in one transaction: the fork is queued only with its checkpoint. */
    @Transactional
    long submitFork(RunOwner owner, String settingsJson, int totalSteps, int runningPerOwner, long parent, int step,
            RunPace pace) {
        long id = submit(owner, RunKind.GAN, settingsJson, totalSteps, runningPerOwner, pace);
        if (!forkFrom(id, parent, step)) {
            throw new IllegalStateException("Run " + parent + " has no checkpoint at step " + step);
        }
        return id;
    }

    /** Steps of the run's stored checkpoints, newest first. */
    List<Integer> checkpointSteps(long id) {
        return jdbc.sql("select step from training_checkpoint where run_id = :id order by step desc")
                .param("id", id).query(Integer.class).list();
    }

    /** The latest samples from the run's fixed latent vectors, one byte per pixel. */
    Optional<byte[]> samples(long id) {
        return jdbc.sql("select samples from training_run where id = :id and samples is not null").param("id", id)
                .query((rs, row) -> rs.getBytes(1)).optional();
    }

    /** The run's latent interpolation strip, one byte per pixel; false if {@code attempt} is no longer the run's. */
    @Transactional
    boolean saveInterpolation(long id, int attempt, byte[] images) {
        return jdbc.sql("""
                update training_run set interpolation = :images
                where id = :id and attempt = :attempt and status = 'RUNNING'""")
                .param("id", id).param("attempt", attempt).param("images", images).update() == 1;
    }

    /** The images between two fixed latent vectors of a finished GAN run, one byte per pixel. */
    Optional<byte[]> interpolation(long id) {
        return jdbc.sql("select interpolation from training_run where id = :id and interpolation is not null")
                .param("id", id).query((rs, row) -> rs.getBytes(1)).optional();
    }

    /** Marks a finished GAN run of {@code account} as promoted by it; false if it is not theirs or not finished. */
    @Transactional
    boolean promote(long id, long account) {
        return jdbc.sql("""
                update training_run set promoted_by = :account, promoted_at = :now, version = version + 1
                where id = :id and owner_account_id = :account and status = 'FINISHED' and kind = 'GAN'""")
                .param("id", id).param("account", account).param("now", now()).update() == 1;
    }

    /** Promoted runs, newest first; only those one account promoted if given. */
    List<TrainingRun> promoted(@Nullable Long account) {
        return jdbc.sql("select " + COLUMNS + """
                 from training_run r where r.promoted_at is not null
                  and (cast(:account as bigint) is null or r.promoted_by = :account)
                order by r.promoted_at desc, r.id desc""")
                .param("account", account).query(TrainingRunStore::run).list();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static @Nullable Double finiteOrNull(double value) {
        return Double.isFinite(value) ? value : null;
    }

    private static TrainingRun run(ResultSet rs, int row) throws SQLException {
        Integer checkpoint = rs.getObject("checkpoint_step", Integer.class);
        return new TrainingRun(rs.getLong("id"),
                new RunOwner(rs.getObject("owner_account_id", Long.class), rs.getObject("owner_player_id", Long.class)),
                RunKind.valueOf(rs.getString("kind")), rs.getString("settings"), RunStatus.valueOf(rs.getString("status")),
                rs.getInt("step"), rs.getInt("total_steps"), rs.getObject("discriminator_loss", Double.class),
                rs.getObject("generator_signal", Double.class), metrics(rs.getString("metrics")),
                rs.getBoolean("cancel_requested"), rs.getBoolean("pause_requested"), rs.getInt("attempt"),
                rs.getInt("failures"), rs.getString("node"), rs.getString("failure_reason"),
                instant(rs, "submitted_at"), optionalInstant(rs, "started_at"), optionalInstant(rs, "finished_at"),
                checkpoint, rs.getLong("version"), RunPace.valueOf(rs.getString("pace")),
                rs.getInt("pending_discriminator_steps"), rs.getInt("pending_generator_steps"),
                rs.getObject("forked_from", Long.class), rs.getObject("promoted_by", Long.class),
                optionalInstant(rs, "promoted_at"));
    }

    private static Map<String, Double> metrics(String json) {
        return JSON.readValue(json, new TypeReference<Map<String, Double>>() { });
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static @Nullable Instant optionalInstant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
