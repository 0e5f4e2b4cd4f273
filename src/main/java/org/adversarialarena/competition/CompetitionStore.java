package org.adversarialarena.competition;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Competitions in PostgreSQL, in plain SQL. Every method is one short transaction; nothing here runs
 * a network. Submitting locks the entrant's row first, so two uploads of one entrant at the same
 * moment cannot both pass the caps.
 */
@Service
@Transactional
public class CompetitionStore {

    /** A token's row as the API's check needs it. */
    record TokenRow(long id, long entrantId, long competitionId, Instant expiresAt, @Nullable Instant revokedAt) {
    }

    private static final String SUBMISSION_COLUMNS = "s.id, s.competition_id, s.entrant_id, e.nickname, s.channel,"
            + " s.phase_position, s.status, s.failure, s.submitted_at, s.evaluated_at, s.public_success,"
            + " s.private_success, s.public_perturbation, s.private_perturbation, s.picked, e.team_id, t.name";
    private static final String SUBMISSION_FROM = " from competition_submission s join competition_entrant e"
            + " on e.id = s.entrant_id left join competition_team t on t.id = e.team_id";
    /** The members of the entrant's competitor: the entrant, and their team's if they are in one (bind the entrant's id twice). */
    static final String MEMBERS = "(select m.id from competition_entrant m where m.id = ?"
            + " or m.team_id = (select x.team_id from competition_entrant x where x.id = ?))";

    private final JdbcTemplate jdbc;

    CompetitionStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    // ---- competitions ----

    long insert(long ownerId, CompetitionSettings settings, @Nullable String joinCode, ChallengeSet set,
            String modelName, int modelVersion, Instant now) {
        Long id = jdbc.queryForObject("insert into competition (owner_id, title, description, join_code, starts_at,"
                + " ends_at, freeze_minutes, daily_cap, total_cap, anonymous_board, model_name, model_version,"
                + " budget_kind, budget_limit, image_count, seed, created_at, defenses_attacked, final_picks,"
                + " max_team_size) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id",
                Long.class, ownerId, settings.title().strip(), settings.description(), joinCode, ts(settings.startsAt()),
                ts(settings.endsAt()), (int) settings.freeze().toMinutes(), settings.dailyCap(), settings.totalCap(),
                settings.anonymousBoard(), modelName, modelVersion, settings.budget().norm().name(),
                settings.budget().limit(), settings.imageCount(), settings.seed(), ts(now), settings.defensesAttacked(),
                settings.entry().finalPicks(), settings.entry().maxTeamSize());
        long competitionId = id == null ? -1 : id;
        for (int i = 0; i < settings.phases().size(); i++) {
            CompetitionPhase phase = settings.phases().get(i);
            jdbc.update("insert into competition_phase (competition_id, position, name, starts_at, blind, white_box)"
                    + " values (?, ?, ?, ?, ?, ?)", competitionId, i, phase.name().strip(), ts(phase.startsAt()),
                    phase.blind(), phase.whiteBox());
        }
        jdbc.batchUpdate("insert into competition_image (competition_id, position, test_index, label, private_half, pixels)"
                + " values (?, ?, ?, ?, ?, ?)", set.images().stream().map(image -> new Object[] {competitionId,
                        image.position(), image.testIndex(), image.label(), image.privateHalf(),
                        AttackFile.raw(new float[][] {image.pixels()})}).toList());
        return competitionId;
    }

    @Transactional(readOnly = true)
    public Optional<Competition> competition(long id) {
        List<CompetitionPhase> phases = jdbc.query("select name, starts_at, blind, white_box from competition_phase"
                + " where competition_id = ? order by position", (rs, n) -> new CompetitionPhase(rs.getString(1),
                        instant(rs, 2), rs.getBoolean(3), rs.getBoolean(4)), id);
        return jdbc.query("select * from competition where id = ?", (rs, n) -> competition(rs, phases), id).stream()
                .findFirst();
    }

    @Transactional(readOnly = true)
    Optional<Long> ownerOf(long id) {
        return jdbc.queryForList("select owner_id from competition where id = ?", Long.class, id).stream().findFirst();
    }

    /** Competitions hosted by {@code ownerId} (every one for null), newest first. */
    @Transactional(readOnly = true)
    List<Long> hosted(@Nullable Long ownerId) {
        return ownerId == null
                ? jdbc.queryForList("select id from competition order by created_at desc, id desc", Long.class)
                : jdbc.queryForList("select id from competition where owner_id = ? order by created_at desc, id desc",
                        Long.class, ownerId);
    }

    /** Public competitions that have not ended, soonest end first. */
    @Transactional(readOnly = true)
    List<Long> listed(Instant now) {
        return jdbc.queryForList("select id from competition where join_code is null and ends_at > ?"
                + " order by ends_at, id", Long.class, ts(now));
    }

    @Transactional(readOnly = true)
    Optional<Long> byCode(String code) {
        return jdbc.queryForList("select id from competition where join_code = ?", Long.class, code).stream().findFirst();
    }

    @Transactional(readOnly = true)
    ChallengeSet challengeSet(long competitionId) {
        return new ChallengeSet(jdbc.query("select position, test_index, label, private_half, pixels from competition_image"
                + " where competition_id = ? order by position", (rs, n) -> new ChallengeImage(rs.getInt(1), rs.getInt(2),
                        rs.getInt(3), rs.getBoolean(4), AttackFile.fromRaw(rs.getBytes(5))[0]), competitionId));
    }

    public long bumpVersion(long competitionId) {
        Long version = jdbc.queryForObject("update competition set version = version + 1 where id = ? returning version",
                Long.class, competitionId);
        return version == null ? 0 : version;
    }

    // ---- entrants and tokens ----

    /** Enters the player (once: entering again finds the same entrant). */
    long enter(long competitionId, long playerId, String nickname, Instant now) {
        jdbc.update("insert into competition_entrant (competition_id, player_id, nickname, joined_at) values (?, ?, ?, ?)"
                + " on conflict (competition_id, player_id) do nothing", competitionId, playerId, nickname, ts(now));
        return entrant(competitionId, playerId).orElseThrow().id();
    }

    @Transactional(readOnly = true)
    Optional<Entrant> entrant(long competitionId, long playerId) {
        return jdbc.query("select id, competition_id, player_id, nickname from competition_entrant"
                + " where competition_id = ? and player_id = ?", ENTRANT, competitionId, playerId).stream().findFirst();
    }

    @Transactional(readOnly = true)
    Optional<Entrant> entrant(long entrantId) {
        return jdbc.query("select id, competition_id, player_id, nickname from competition_entrant where id = ?",
                ENTRANT, entrantId).stream().findFirst();
    }

    /** Who the entrant competes as: their team, or themselves. */
    @Transactional(readOnly = true)
    Competitor competitor(long entrantId) {
        Long team = jdbc.queryForObject("select team_id from competition_entrant where id = ?", Long.class, entrantId);
        return team == null ? Competitor.entrant(entrantId) : Competitor.team(team);
    }

    @Transactional(readOnly = true)
    int entrantCount(long competitionId) {
        Integer count = jdbc.queryForObject("select count(*) from competition_entrant where competition_id = ?",
                Integer.class, competitionId);
        return count == null ? 0 : count;
    }

    long insertToken(long entrantId, String name, String hash, Instant now, Duration validity) {
        Long id = jdbc.queryForObject("insert into competition_token (entrant_id, name, token_hash, created_at, expires_at)"
                + " values (?, ?, ?, ?, ?) returning id", Long.class, entrantId, name, hash, ts(now),
                ts(now.plus(validity)));
        return id == null ? -1 : id;
    }

    @Transactional(readOnly = true)
    List<AccessToken> tokens(long entrantId) {
        return jdbc.query("select id, name, created_at, expires_at, revoked_at, last_used_at from competition_token"
                + " where entrant_id = ? order by created_at desc, id desc", (rs, n) -> new AccessToken(rs.getLong(1),
                        rs.getString(2), instant(rs, 3), instant(rs, 4), nullableInstant(rs, 5), nullableInstant(rs, 6)),
                entrantId);
    }

    boolean revoke(long entrantId, long tokenId, Instant now) {
        return jdbc.update("update competition_token set revoked_at = ? where id = ? and entrant_id = ? and revoked_at is null",
                ts(now), tokenId, entrantId) == 1;
    }

    @Transactional(readOnly = true)
    Optional<TokenRow> tokenByHash(String hash) {
        return jdbc.query("select t.id, t.entrant_id, e.competition_id, t.expires_at, t.revoked_at from competition_token t"
                + " join competition_entrant e on e.id = t.entrant_id where t.token_hash = ?", (rs, n) -> new TokenRow(
                        rs.getLong(1), rs.getLong(2), rs.getLong(3), instant(rs, 4), nullableInstant(rs, 5)), hash)
                .stream().findFirst();
    }

    void tokenUsed(long tokenId, Instant now) {
        jdbc.update("update competition_token set last_used_at = ? where id = ?", ts(now), tokenId);
    }

    // ---- submissions ----

    /**
     * Locks the entrant's row and, if they are in a team, the team's row: two submissions of one team's
     * members at once cannot both pass the caps, and a team cannot change while one is checked.
     */
    void lockEntrant(long entrantId) {
        jdbc.queryForList("select id from competition_entrant where id = ? for update", Long.class, entrantId);
        jdbc.queryForList("select t.id from competition_team t join competition_entrant e on e.team_id = t.id"
                + " where e.id = ? for update of t", Long.class, entrantId);
    }

    /** When the submissions that count against the caps of the entrant's competitor (them, or their team) were made. */
    List<Instant> countedTimes(long entrantId) {
        return jdbc.query("select submitted_at from competition_submission where entrant_id in " + MEMBERS
                + " and status <> 'FAILED'", (rs, n) -> instant(rs, 1), entrantId, entrantId);
    }

    /** How many submissions the entrant's competitor has picked as final. */
    int pickedCount(long entrantId) {
        Integer count = jdbc.queryForObject("select count(*) from competition_submission where entrant_id in " + MEMBERS
                + " and picked", Integer.class, entrantId, entrantId);
        return count == null ? 0 : count;
    }

    void setPicked(long submissionId, boolean picked) {
        jdbc.update("update competition_submission set picked = ? where id = ?", picked, submissionId);
    }

    long insertSubmission(long competitionId, long entrantId, Channel channel, int phase, byte[] images, String sha256,
            Instant now) {
        Long id = jdbc.queryForObject("insert into competition_submission (competition_id, entrant_id, channel,"
                + " phase_position, status, submitted_at, images, images_sha256) values (?, ?, ?, ?, 'QUEUED', ?, ?, ?)"
                + " returning id", Long.class, competitionId, entrantId, channel.name(), phase, ts(now), images, sha256);
        return id == null ? -1 : id;
    }

    @Transactional(readOnly = true)
    List<Submission> submissions(long competitionId) {
        return jdbc.query("select " + SUBMISSION_COLUMNS + SUBMISSION_FROM
                + " where s.competition_id = ? order by s.submitted_at, s.id", SUBMISSION,
                competitionId);
    }

    @Transactional(readOnly = true)
    List<Submission> submissionsOf(long entrantId) {
        return jdbc.query("select " + SUBMISSION_COLUMNS + SUBMISSION_FROM + " where s.entrant_id in " + MEMBERS
                + " order by s.submitted_at desc, s.id desc",
                SUBMISSION, entrantId, entrantId);
    }

    @Transactional(readOnly = true)
    Optional<Submission> submission(long id) {
        return jdbc.query("select " + SUBMISSION_COLUMNS + SUBMISSION_FROM + " where s.id = ?", SUBMISSION, id).stream()
                .findFirst();
    }

    @Transactional(readOnly = true)
    byte[] images(long submissionId) {
        return jdbc.queryForObject("select images from competition_submission where id = ?", byte[].class, submissionId);
    }

    /** QUEUED to EVALUATING; false if the submission is not queued (evaluated already, or gone). */
    boolean startEvaluating(long id) {
        return jdbc.update("update competition_submission set status = 'EVALUATING' where id = ? and status in"
                + " ('QUEUED', 'EVALUATING')", id) == 1;
    }

    void scored(long id, AttackScore score, Instant now) {
        byte[] fooled = new byte[score.fooled().length];
        for (int i = 0; i < fooled.length; i++) {
            fooled[i] = (byte) (score.fooled()[i] ? 1 : 0);
        }
        jdbc.update("update competition_submission set status = 'SCORED', evaluated_at = ?, public_success = ?,"
                + " private_success = ?, public_perturbation = ?, private_perturbation = ?, fooled = ? where id = ?",
                ts(now), score.publicSuccess(), score.privateSuccess(), score.publicPerturbation(),
                score.privatePerturbation(), fooled, id);
    }

    void failed(long id, String reason, Instant now) {
        jdbc.update("update competition_submission set status = 'FAILED', evaluated_at = ?, failure = ? where id = ?",
                ts(now), reason.length() > 500 ? reason.substring(0, 500) : reason, id);
    }

    // ---- mapping ----

    private static final RowMapper<Entrant> ENTRANT = (rs, n) -> new Entrant(rs.getLong(1), rs.getLong(2), rs.getLong(3),
            rs.getString(4));

    private static final RowMapper<Submission> SUBMISSION = (rs, n) -> new Submission(rs.getLong(1), rs.getLong(2),
            rs.getLong(3), rs.getString(4), Channel.valueOf(rs.getString(5)), rs.getInt(6),
            SubmissionStatus.valueOf(rs.getString(7)), rs.getString(8), instant(rs, 9), nullableInstant(rs, 10),
            nullableDouble(rs, 11), nullableDouble(rs, 12), nullableDouble(rs, 13), nullableDouble(rs, 14),
            rs.getBoolean(15), nullableLong(rs, 16), rs.getString(17));

    private static Competition competition(ResultSet rs, List<CompetitionPhase> phases) throws SQLException {
        CompetitionSettings settings = new CompetitionSettings(rs.getString("title"), rs.getString("description"),
                rs.getString("join_code") != null, instant(rs, "starts_at"), instant(rs, "ends_at"), phases,
                rs.getInt("daily_cap"), rs.getInt("total_cap"), Duration.ofMinutes(rs.getInt("freeze_minutes")),
                rs.getBoolean("anonymous_board"), rs.getString("model_name"),
                rs.getInt("image_count"), rs.getLong("seed"),
                new AttackBudget(BudgetNorm.valueOf(rs.getString("budget_kind")), rs.getFloat("budget_limit")),
                rs.getBoolean("defenses_attacked"),
                new EntryRules(rs.getInt("final_picks"), rs.getInt("max_team_size")));
        return new Competition(rs.getLong("id"), rs.getLong("owner_id"), settings, rs.getString("join_code"),
                rs.getInt("model_version"));
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }

    private static @Nullable Instant nullableInstant(ResultSet rs, int column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static @Nullable Long nullableLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static @Nullable Double nullableDouble(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

}
