package org.adversarialarena.competition.forgetrack;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.adversarialarena.competition.Entrant;
import org.adversarialarena.competition.ForgeTrack;
import org.adversarialarena.ml.data.DatasetId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Forge tracks and their results ({@code V23__competition_forge.sql}). */
@Service
@Transactional
class ForgeContestStore {

    private static final RowMapper<ForgeResult> RESULT = (rs, n) -> new ForgeResult(rs.getLong(1), rs.getString(2),
            rs.getLong(3), rs.getDouble(4), rs.getDouble(5), rs.getTimestamp(6).toInstant(), rs.getBytes(7));

    private final JdbcTemplate jdbc;

    ForgeContestStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void saveTrack(long competitionId, ForgeTrack track) {
        jdbc.update("update competition set forge_dataset = ?, forge_prompt = ? where id = ?", track.dataset().slug(),
                track.prompt(), competitionId);
    }

    @Transactional(readOnly = true)
    Optional<ForgeTrack> track(long competitionId) {
        return jdbc.query("select forge_dataset, forge_prompt from competition where id = ? and forge_dataset is not null",
                (rs, n) -> new ForgeTrack(DatasetId.fromSlug(rs.getString(1)), rs.getInt(2)), competitionId).stream()
                .findFirst();
    }

    /** The competition's entrants by player id. */
    @Transactional(readOnly = true)
    List<Entrant> entrants(long competitionId) {
        return jdbc.query("select id, competition_id, player_id, nickname from competition_entrant where competition_id = ?",
                (rs, n) -> new Entrant(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4)), competitionId);
    }

    /** Replaces the competition's results: judging again gives the results of the detective as it is then. */
    void replaceResults(long competitionId, List<ForgeResult> results, Instant now) {
        jdbc.update("delete from competition_forge_result where competition_id = ?", competitionId);
        jdbc.batchUpdate("insert into competition_forge_result (competition_id, entrant_id, forgery_id, score,"
                + " real_probability, forged_at, png, judged_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
                results.stream().map(r -> new Object[] {competitionId, r.entrantId(), r.forgeryId(), r.score(),
                        r.realProbability(), Timestamp.from(r.forgedAt()), r.png(), Timestamp.from(now)}).toList());
    }

    @Transactional(readOnly = true)
    List<ForgeResult> results(long competitionId) {
        return jdbc.query("select r.entrant_id, e.nickname, r.forgery_id, r.score, r.real_probability, r.forged_at, r.png"
                + " from competition_forge_result r join competition_entrant e on e.id = r.entrant_id"
                + " where r.competition_id = ?", RESULT, competitionId);
    }

    @Transactional(readOnly = true)
    boolean judged(long competitionId) {
        Integer count = jdbc.queryForObject("select count(*) from competition_forge_result where competition_id = ?",
                Integer.class, competitionId);
        return count != null && count > 0;
    }
}
