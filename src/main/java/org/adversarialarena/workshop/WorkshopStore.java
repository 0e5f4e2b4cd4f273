package org.adversarialarena.workshop;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.adversarialarena.fool.ChallengeImage;
import org.adversarialarena.fool.FoolLevel;
import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.round.Game;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Workshops in PostgreSQL, in plain SQL: plans, runs, seats and entries. Every method is one short
 * transaction; nothing here judges or runs a network. What changes a run locks its row first, so the
 * host's actions, the deadline check and the students' submissions of one run happen one at a time
 * (and the last submission of a round sees every earlier one).
 */
@Service
@Transactional
class WorkshopStore {

    /** The run's row as the rules need it, read under its lock. */
    record RunRow(long id, long ownerId, Phase phase, int roundIndex, int rounds, @Nullable Instant deadline,
            long remainingMs, boolean lateJoin, boolean askStudentId, boolean published, Teams teams) {
    }

    /** A seat with what a student's screen and the rules need. */
    record SeatRow(long id, long runId, long playerId, String nickname, SeatStatus status) {
    }

    /** A seat's round before and after it was submitted. */
    record EntryRow(long id, long seatId, int roundIndex, @Nullable UUID challengeId, @Nullable Long attemptId,
            @Nullable Instant submitted) {
    }

    /** The image of a same-image round, once chosen. */
    record RoundImage(int roundIndex, @Nullable ChallengeImage image, @Nullable Instant closedAt) {
    }

    private final JdbcTemplate jdbc;

    WorkshopStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    // ---- plans ----

    long insertPlan(long ownerId, Plan plan, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var insert = connection.prepareStatement("""
                    insert into workshop_plan (owner_id, name, late_join, leaderboard, ask_student_id, created_at, updated_at,
                        team_size, teams_chosen)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", new String[] {"id"});
            insert.setLong(1, ownerId);
            insert.setString(2, plan.name());
            insert.setBoolean(3, plan.lateJoin());
            insert.setString(4, plan.leaderboard().name());
            insert.setBoolean(5, plan.askStudentId());
            insert.setTimestamp(6, Timestamp.from(now));
            insert.setTimestamp(7, Timestamp.from(now));
            insert.setInt(8, plan.teams().size());
            insert.setBoolean(9, plan.teams().chosen());
            return insert;
        }, keys);
        long id = keyOf(keys);
        insertRounds("workshop_plan_round", "plan_id", id, plan.rounds());
        return id;
    }

    void updatePlan(long id, Plan plan, Instant now) {
        jdbc.update("update workshop_plan set name = ?, late_join = ?, leaderboard = ?, ask_student_id = ?, updated_at = ?,"
                + " team_size = ?, teams_chosen = ? where id = ?", plan.name(), plan.lateJoin(), plan.leaderboard().name(),
                plan.askStudentId(), Timestamp.from(now), plan.teams().size(), plan.teams().chosen(), id);
        jdbc.update("delete from workshop_plan_round where plan_id = ?", id);
        insertRounds("workshop_plan_round", "plan_id", id, plan.rounds());
    }

    void deletePlan(long id) {
        jdbc.update("delete from workshop_plan where id = ?", id);
    }

    @Transactional(readOnly = true)
    Optional<Long> ownerOfPlan(long id) {
        return jdbc.queryForList("select owner_id from workshop_plan where id = ?", Long.class, id).stream().findFirst();
    }

    @Transactional(readOnly = true)
    Optional<Plan> plan(long id) {
        return jdbc.query("select id, name, late_join, leaderboard, ask_student_id, team_size, teams_chosen"
                + " from workshop_plan where id = ?",
                (rs, row) -> new Plan(rs.getLong("id"), rs.getString("name"), rs.getBoolean("late_join"),
                        LeaderboardShown.valueOf(rs.getString("leaderboard")), rs.getBoolean("ask_student_id"),
                        rounds("workshop_plan_round", "plan_id", id), teams(rs)), id).stream().findFirst();
    }

    /** The plans of one owner, or everyone's for null; most recently changed first. */
    @Transactional(readOnly = true)
    List<PlanSummary> plans(@Nullable Long ownerId) {
        return jdbc.query("""
                select p.id, p.name, p.updated_at, a.display_name,
                       (select count(*) from workshop_plan_round r where r.plan_id = p.id) as rounds
                from workshop_plan p join account a on a.id = p.owner_id
                where cast(? as bigint) is null or p.owner_id = ? order by p.updated_at desc, p.id desc""",
                (rs, row) -> new PlanSummary(rs.getLong("id"), rs.getString("name"), rs.getInt("rounds"),
                        instant(rs, "updated_at"), rs.getString("display_name")), ownerId, ownerId);
    }

    // ---- runs ----

    /** A new run in the lobby with the plan's settings and rounds copied. Throws DuplicateKeyException for a code in use. */
    long insertRun(long planId, long ownerId, Plan plan, String code, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var insert = connection.prepareStatement("""
                    insert into workshop_run (plan_id, owner_id, name, code, late_join, leaderboard, ask_student_id, phase,
                        created_at, team_size, teams_chosen) values (?, ?, ?, ?, ?, ?, ?, 'LOBBY', ?, ?, ?)""",
                    new String[] {"id"});
            insert.setLong(1, planId);
            insert.setLong(2, ownerId);
            insert.setString(3, plan.name());
            insert.setString(4, code);
            insert.setBoolean(5, plan.lateJoin());
            insert.setString(6, plan.leaderboard().name());
            insert.setBoolean(7, plan.askStudentId());
            insert.setTimestamp(8, Timestamp.from(now));
            insert.setInt(9, plan.teams().size());
            insert.setBoolean(10, plan.teams().chosen());
            return insert;
        }, keys);
        long id = keyOf(keys);
        insertRounds("workshop_run_round", "run_id", id, plan.rounds());
        return id;
    }

    @Transactional(readOnly = true)
    Optional<Long> ownerOfRun(long runId) {
        return jdbc.queryForList("select owner_id from workshop_run where id = ?", Long.class, runId).stream().findFirst();
    }

    /** The run a code opens: only a run that has not finished holds it. */
    @Transactional(readOnly = true)
    Optional<Long> runByCode(String code) {
        return jdbc.queryForList("select id from workshop_run where code = ? and phase <> 'FINISHED'", Long.class, code)
                .stream().findFirst();
    }

    /** The run's row, locked until the transaction ends. */
    Optional<RunRow> lockRun(long runId) {
        return runRow(runId, " for update");
    }

    @Transactional(readOnly = true)
    Optional<RunRow> run(long runId) {
        return runRow(runId, "");
    }

    private Optional<RunRow> runRow(long runId, String lock) {
        return jdbc.query("""
                select id, owner_id, phase, round_index, deadline, remaining_ms, late_join, ask_student_id, published,
                       team_size, teams_chosen, (select count(*) from workshop_run_round r where r.run_id = workshop_run.id) as rounds
                from workshop_run where id = ?""" + lock,
                (rs, row) -> new RunRow(rs.getLong("id"), rs.getLong("owner_id"), Phase.valueOf(rs.getString("phase")),
                        rs.getInt("round_index"), rs.getInt("rounds"), nullableInstant(rs, "deadline"),
                        rs.getLong("remaining_ms"), rs.getBoolean("late_join"), rs.getBoolean("ask_student_id"),
                        rs.getBoolean("published"), teams(rs)), runId).stream().findFirst();
    }

    /** Sets where the run is; returns the new version, which every change raises by one. */
    long setPhase(long runId, Phase phase, int roundIndex, @Nullable Instant deadline, long remainingMs) {
        return requireVersion(jdbc.queryForList("""
                update workshop_run set phase = ?, round_index = ?, deadline = ?, remaining_ms = ?, version = version + 1
                where id = ? returning version""", Long.class, phase.name(), roundIndex,
                deadline == null ? null : Timestamp.from(deadline), remainingMs, runId));
    }

    void finished(long runId, Instant at) {
        jdbc.update("update workshop_run set finished_at = ? where id = ?", Timestamp.from(at), runId);
    }

    void markPublished(long runId) {
        jdbc.update("update workshop_run set published = true where id = ?", runId);
    }

    long bumpVersion(long runId) {
        return requireVersion(jdbc.queryForList("update workshop_run set version = version + 1 where id = ? returning version",
                Long.class, runId));
    }

    void roundStarted(long runId, int roundIndex, @Nullable ChallengeImage image, Instant at) {
        jdbc.update("""
                update workshop_run_round set image_index = ?, true_class = ?, target_class = ?, started_at = ?
                where run_id = ? and position = ?""", image == null ? null : image.index(),
                image == null ? null : image.trueClass(), image == null ? null : image.targetClass(), Timestamp.from(at),
                runId, roundIndex);
    }

    void roundClosed(long runId, int roundIndex, Instant at) {
        jdbc.update("update workshop_run_round set closed_at = ? where run_id = ? and position = ? and closed_at is null",
                Timestamp.from(at), runId, roundIndex);
    }

    /** The class detective's losses of a Forge round, once its training at the close has finished. */
    void setDetectiveLosses(long runId, int roundIndex, List<Double> losses) {
        jdbc.update(connection -> {
            var update = connection.prepareStatement(
                    "update workshop_run_round set detective_losses = ? where run_id = ? and position = ?");
            update.setArray(1, connection.createArrayOf("float8", losses.toArray()));
            update.setLong(2, runId);
            update.setInt(3, roundIndex);
            return update;
        });
    }

    /** Null while the class detective is still training on the round (or for a Fool round). */
    @Transactional(readOnly = true)
    @Nullable List<Double> detectiveLosses(long runId, int roundIndex) {
        return jdbc.query("select detective_losses from workshop_run_round where run_id = ? and position = ?",
                (rs, row) -> {
                    Array array = rs.getArray("detective_losses");
                    if (array == null) {
                        return null;
                    }
                    List<Double> losses = new ArrayList<>();
                    for (Object value : (Object[]) array.getArray()) {
                        losses.add(((Number) value).doubleValue());
                    }
                    return losses;
                }, runId, roundIndex).stream().filter(Objects::nonNull).findFirst().orElse(null);
    }

    @Transactional(readOnly = true)
    RoundImage roundImage(long runId, int roundIndex) {
        return jdbc.queryForObject("""
                select image_index, true_class, target_class, closed_at from workshop_run_round
                where run_id = ? and position = ?""", (rs, row) -> {
                    int index = rs.getInt("image_index");
                    ChallengeImage image = rs.wasNull() ? null
                            : new ChallengeImage(index, rs.getInt("true_class"), targetOf(rs));
                    return new RoundImage(roundIndex, image, nullableInstant(rs, "closed_at"));
                }, runId, roundIndex);
    }

    /** Runs whose open round's deadline has passed. */
    @Transactional(readOnly = true)
    List<Long> dueRuns(Instant now) {
        return jdbc.queryForList("select id from workshop_run where phase = 'OPEN' and deadline <= ?", Long.class,
                Timestamp.from(now));
    }

    /** The runs of one owner, or everyone's for null; newest first. */
    @Transactional(readOnly = true)
    List<RunSummary> runs(@Nullable Long ownerId) {
        return jdbc.query("""
                select r.id, r.name, r.code, r.phase, r.created_at,
                       (select count(*) from workshop_seat s where s.run_id = r.id) as students
                from workshop_run r where cast(? as bigint) is null or r.owner_id = ? order by r.created_at desc, r.id desc""",
                (rs, row) -> new RunSummary(rs.getLong("id"), rs.getString("name"), rs.getString("code"),
                        Phase.valueOf(rs.getString("phase")), instant(rs, "created_at"), rs.getInt("students")),
                ownerId, ownerId);
    }

    /** Everything a screen shows of a run, in one read-only transaction. */
    @Transactional(readOnly = true)
    Optional<RunState> state(long runId) {
        List<RoundSettings> rounds = rounds("workshop_run_round", "run_id", runId);
        List<SeatState> seats = jdbc.query("""
                select s.id, s.nickname, s.student_id, s.status, s.joined_at, s.team,
                       coalesce((select sum(e.points) from workshop_entry e join workshop_run_round r
                                 on r.run_id = e.run_id and r.position = e.round_index
                                 where e.seat_id = s.id and r.points and e.submitted_at is not null), 0) as points
                from workshop_seat s where s.run_id = ? order by s.joined_at, s.id""",
                (rs, row) -> new SeatState(rs.getLong("id"), rs.getString("nickname"), rs.getString("student_id"),
                        SeatStatus.valueOf(rs.getString("status")), rs.getDouble("points"), instant(rs, "joined_at"),
                        nullableInt(rs, "team")),
                runId);
        return jdbc.query("""
                select id, owner_id, name, code, late_join, leaderboard, ask_student_id, phase, round_index, deadline,
                       remaining_ms, version, published, team_size, teams_chosen from workshop_run where id = ?""",
                (rs, row) -> {
                    int roundIndex = rs.getInt("round_index");
                    Set<Long> submitted = new HashSet<>(jdbc.queryForList("""
                            select seat_id from workshop_entry where run_id = ? and round_index = ?
                            and submitted_at is not null""", Long.class, runId, roundIndex));
                    return new RunState(rs.getLong("id"), rs.getLong("owner_id"), rs.getString("name"), rs.getString("code"),
                            rs.getBoolean("late_join"), LeaderboardShown.valueOf(rs.getString("leaderboard")),
                            rs.getBoolean("ask_student_id"), Phase.valueOf(rs.getString("phase")), roundIndex, rounds,
                            nullableInstant(rs, "deadline"), Duration.ofMillis(rs.getLong("remaining_ms")),
                            rs.getLong("version"), seats, submitted, rs.getBoolean("published"), teams(rs));
                }, runId).stream().findFirst();
    }

    // ---- seats ----

    /** Throws DuplicateKeyException when the nickname is taken in the run (case-insensitively). */
    long insertSeat(long runId, long playerId, String nickname, @Nullable String studentId, String tokenHash,
            @Nullable String sessionKey, Instant now, @Nullable Integer team) {
        Long id = jdbc.queryForObject("""
                insert into workshop_seat (run_id, player_id, nickname, student_id, token_hash, session_key, status, joined_at,
                    team) values (?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?) returning id""", Long.class, runId, playerId, nickname,
                studentId, tokenHash, sessionKey, Timestamp.from(now), team);
        if (id == null) {
            throw new IllegalStateException("A new seat has no id");
        }
        return id;
    }

    /** Students in the room per team (teams with none left are not listed). */
    @Transactional(readOnly = true)
    Map<Integer, Integer> teamMembers(long runId) {
        Map<Integer, Integer> members = new HashMap<>();
        jdbc.query("select team, count(*) as members from workshop_seat where run_id = ? and status = 'ACTIVE'"
                + " and team is not null group by team", (ResultSet rs) -> {
                    members.put(rs.getInt("team"), rs.getInt("members"));
                }, runId);
        return members;
    }

    @Transactional(readOnly = true)
    boolean nicknameTaken(long runId, String nickname) {
        Integer count = jdbc.queryForObject("""
                select count(*) from workshop_seat where run_id = ? and lower(nickname) = lower(?) and status <> 'KICKED'""",
                Integer.class, runId, nickname);
        return count != null && count > 0;
    }

    /** Whether a banned seat of the run holds this token or this browser session. */
    @Transactional(readOnly = true)
    boolean banned(long runId, @Nullable String tokenHash, @Nullable String sessionKey) {
        Integer count = jdbc.queryForObject("""
                select count(*) from workshop_seat where run_id = ? and status = 'BANNED'
                and (token_hash = ? or session_key = ?)""", Integer.class, runId, tokenHash, sessionKey);
        return count != null && count > 0;
    }

    @Transactional(readOnly = true)
    Optional<SeatRow> seatByToken(String tokenHash) {
        return jdbc.query("select id, run_id, player_id, nickname, status from workshop_seat where token_hash = ?",
                WorkshopStore::seatRow, tokenHash).stream().findFirst();
    }

    @Transactional(readOnly = true)
    Optional<SeatRow> seat(long seatId) {
        return jdbc.query("select id, run_id, player_id, nickname, status from workshop_seat where id = ?",
                WorkshopStore::seatRow, seatId).stream().findFirst();
    }

    /** Locks the seat's row until the transaction ends: one challenge per seat and round is handed out at a time. */
    void lockSeat(long seatId) {
        jdbc.queryForList("select id from workshop_seat where id = ? for no key update", Long.class, seatId);
    }

    void setSeatStatus(long seatId, SeatStatus status) {
        jdbc.update("update workshop_seat set status = ? where id = ?", status.name(), seatId);
    }

    // ---- entries ----

    @Transactional(readOnly = true)
    Optional<EntryRow> entry(long runId, int roundIndex, long seatId) {
        return jdbc.query("""
                select id, seat_id, round_index, challenge_id, attempt_id, submitted_at from workshop_entry
                where run_id = ? and round_index = ? and seat_id = ?""", WorkshopStore::entryRow, runId, roundIndex, seatId)
                .stream().findFirst();
    }

    /**
     * Stores the seat's challenge for the round (none in a Forge round) unless an entry is stored already;
     * returns the stored entry.
     */
    EntryRow insertEntry(long runId, int roundIndex, long seatId, @Nullable UUID challengeId, Instant now) {
        jdbc.update("""
                insert into workshop_entry (run_id, round_index, seat_id, challenge_id, issued_at) values (?, ?, ?, ?, ?)
                on conflict (run_id, round_index, seat_id) do nothing""", runId, roundIndex, seatId, challengeId,
                Timestamp.from(now));
        return entry(runId, roundIndex, seatId).orElseThrow();
    }

    void recordSubmission(long entryId, long attemptId, boolean success, double points, int l0, float l2, float linf,
            Instant at) {
        jdbc.update("""
                update workshop_entry set attempt_id = ?, success = ?, points = ?, l0 = ?, l2 = ?, linf = ?, submitted_at = ?
                where id = ? and submitted_at is null""", attemptId, success, points, l0, l2, linf, Timestamp.from(at),
                entryId);
    }

    /** Records the seat's judged forgery in a Forge round, once. */
    void recordForgery(long entryId, long forgeryId, boolean success, double points, Instant at) {
        jdbc.update("""
                update workshop_entry set forgery_id = ?, success = ?, points = ?, submitted_at = ?
                where id = ? and submitted_at is null""", forgeryId, success, points, Timestamp.from(at), entryId);
    }

    /** Active seats of the run that have not submitted in the round. */
    int waitingFor(long runId, int roundIndex) {
        Integer count = jdbc.queryForObject("""
                select count(*) from workshop_seat s where s.run_id = ? and s.status = 'ACTIVE' and not exists (
                    select 1 from workshop_entry e where e.seat_id = s.id and e.round_index = ? and e.submitted_at is not null)""",
                Integer.class, runId, roundIndex);
        return count == null ? 0 : count;
    }

    /** Every entry of the run (or of one round, for roundIndex ≥ 0), in round then seat order. */
    @Transactional(readOnly = true)
    List<EntryResult> results(long runId, int roundIndex) {
        return jdbc.query("""
                select seat_id, round_index, attempt_id, coalesce(success, false) as success, coalesce(points, 0) as points,
                       coalesce(l0, 0) as l0, coalesce(l2, 0) as l2, coalesce(linf, 0) as linf, issued_at, submitted_at,
                       forgery_id
                from workshop_entry where run_id = ? and (? < 0 or round_index = ?) order by round_index, seat_id""",
                (rs, row) -> new EntryResult(rs.getLong("seat_id"), rs.getInt("round_index"), nullableLong(rs, "attempt_id"),
                        rs.getBoolean("success"), rs.getDouble("points"), rs.getInt("l0"), rs.getFloat("l2"),
                        rs.getFloat("linf"), instant(rs, "issued_at"), nullableInstant(rs, "submitted_at"),
                        nullableLong(rs, "forgery_id")),
                runId, roundIndex, roundIndex);
    }

    /** Player ids of the run's seats, by seat id, for publishing scores to the global boards. */
    @Transactional(readOnly = true)
    List<long[]> seatPlayers(long runId) {
        return jdbc.query("select id, player_id from workshop_seat where run_id = ?",
                (rs, row) -> new long[] {rs.getLong("id"), rs.getLong("player_id")}, runId);
    }

    // ---- helpers ----

    private void insertRounds(String table, String owner, long id, List<RoundSettings> rounds) {
        for (int i = 0; i < rounds.size(); i++) {
            RoundSettings round = rounds.get(i);
            jdbc.update("insert into " + table + " (" + owner + ", position, game, level, dataset, same_image,"
                    + " time_limit_seconds, points, forge_class) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", id, i,
                    round.game().name(), round.isForge() ? null : round.level().slug(), round.dataset().slug(),
                    round.sameImage(), round.timeLimitSeconds(), round.points(), round.isForge() ? round.forgeClass() : null);
        }
    }

    private List<RoundSettings> rounds(String table, String owner, long id) {
        return jdbc.query("select game, level, dataset, same_image, time_limit_seconds, points, forge_class from " + table
                + " where " + owner + " = ? order by position", (rs, row) -> {
                    DatasetId dataset = DatasetId.fromSlug(rs.getString("dataset"));
                    if (Game.valueOf(rs.getString("game")) == Game.FORGE) {
                        return RoundSettings.forge(dataset, rs.getInt("forge_class"), rs.getInt("time_limit_seconds"),
                                rs.getBoolean("points"));
                    }
                    return new RoundSettings(FoolLevel.fromSlug(rs.getString("level")), dataset, rs.getBoolean("same_image"),
                            rs.getInt("time_limit_seconds"), rs.getBoolean("points"));
                }, id);
    }

    private static SeatRow seatRow(ResultSet rs, int row) throws SQLException {
        return new SeatRow(rs.getLong("id"), rs.getLong("run_id"), rs.getLong("player_id"), rs.getString("nickname"),
                SeatStatus.valueOf(rs.getString("status")));
    }

    private static EntryRow entryRow(ResultSet rs, int row) throws SQLException {
        return new EntryRow(rs.getLong("id"), rs.getLong("seat_id"), rs.getInt("round_index"),
                rs.getObject("challenge_id", UUID.class), nullableLong(rs, "attempt_id"),
                nullableInstant(rs, "submitted_at"));
    }

    private static int targetOf(ResultSet rs) throws SQLException {
        int target = rs.getInt("target_class");
        return rs.wasNull() ? -1 : target;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }

    private static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    private static Teams teams(ResultSet rs) throws SQLException {
        return new Teams(rs.getInt("team_size"), rs.getBoolean("teams_chosen"));
    }

    private static @Nullable Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static long keyOf(GeneratedKeyHolder keys) {
        Number key = keys.getKey();
        if (key == null) {
            throw new IllegalStateException("No id was generated");
        }
        return key.longValue();
    }

    private static long requireVersion(List<Long> versions) {
        if (versions.isEmpty()) {
            throw new IllegalStateException("No such workshop run");
        }
        return versions.getFirst();
    }

    static List<Long> forgeryIds(List<EntryResult> entries) {
        List<Long> ids = new ArrayList<>();
        entries.forEach(entry -> {
            Long forgery = entry.forgeryId();
            if (forgery != null) {
                ids.add(forgery);
            }
        });
        return ids;
    }

    static List<Long> ids(List<EntryResult> entries) {
        List<Long> ids = new ArrayList<>();
        entries.forEach(entry -> {
            Long attempt = entry.attemptId();
            if (attempt != null) {
                ids.add(attempt);
            }
        });
        return ids;
    }
}
