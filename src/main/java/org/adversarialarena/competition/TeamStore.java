package org.adversarialarena.competition;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Teams in PostgreSQL: a team's row, and each member's {@code competition_entrant.team_id}. */
@Service
@Transactional
class TeamStore {

    private final JdbcTemplate jdbc;

    TeamStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long competitionId, String name, String inviteCode, Instant now) {
        Long id = jdbc.queryForObject("insert into competition_team (competition_id, name, invite_code, created_at)"
                + " values (?, ?, ?, ?) returning id", Long.class, competitionId, name, inviteCode, Timestamp.from(now));
        return id == null ? -1 : id;
    }

    @Transactional(readOnly = true)
    Optional<Long> teamIdOf(long entrantId) {
        return jdbc.queryForList("select team_id from competition_entrant where id = ? and team_id is not null", Long.class,
                entrantId).stream().findFirst();
    }

    @Transactional(readOnly = true)
    Optional<Long> byCode(long competitionId, String code) {
        return jdbc.queryForList("select id from competition_team where competition_id = ? and invite_code = ?", Long.class,
                competitionId, code).stream().findFirst();
    }

    @Transactional(readOnly = true)
    Optional<Team> team(long teamId) {
        List<String> members = jdbc.queryForList("select nickname from competition_entrant where team_id = ?"
                + " order by joined_at, id", String.class, teamId);
        return jdbc.query("select id, competition_id, name, invite_code from competition_team where id = ?",
                (rs, n) -> new Team(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), members), teamId)
                .stream().findFirst();
    }

    /** Locks the teams' rows in id order (so two merges cannot deadlock), and the entrant's row. */
    void lock(long entrantId, List<Long> teamIds) {
        jdbc.queryForList("select id from competition_entrant where id = ? for update", Long.class, entrantId);
        for (long teamId : teamIds.stream().sorted().toList()) {
            jdbc.queryForList("select id from competition_team where id = ? for update", Long.class, teamId);
        }
    }

    @Transactional(readOnly = true)
    int memberCount(long teamId) {
        Integer count = jdbc.queryForObject("select count(*) from competition_entrant where team_id = ?", Integer.class,
                teamId);
        return count == null ? 0 : count;
    }

    /** Submissions of the entrant alone, whatever their status. */
    @Transactional(readOnly = true)
    int ownSubmissions(long entrantId) {
        Integer count = jdbc.queryForObject("select count(*) from competition_submission where entrant_id = ?",
                Integer.class, entrantId);
        return count == null ? 0 : count;
    }

    void join(long entrantId, long teamId) {
        jdbc.update("update competition_entrant set team_id = ? where id = ?", teamId, entrantId);
    }

    /** Every member of {@code from} joins {@code into}; {@code from} is gone. */
    void merge(long from, long into) {
        jdbc.update("update competition_entrant set team_id = ? where team_id = ?", into, from);
        jdbc.update("delete from competition_team where id = ?", from);
    }

    /** The entrant leaves their team; a team left empty is gone. */
    void leave(long entrantId, long teamId) {
        jdbc.update("update competition_entrant set team_id = null where id = ?", entrantId);
        jdbc.update("delete from competition_team t where id = ? and not exists"
                + " (select 1 from competition_entrant e where e.team_id = t.id)", teamId);
    }

    @Transactional(readOnly = true)
    boolean named(long competitionId, String name) {
        return !jdbc.queryForList("select id from competition_team where competition_id = ? and lower(name) = lower(?)",
                Long.class, competitionId, name).isEmpty();
    }

    /** The members' entrant ids, earliest first. */
    @Transactional(readOnly = true)
    List<Long> members(long teamId) {
        return jdbc.queryForList("select id from competition_entrant where team_id = ? order by joined_at, id", Long.class,
                teamId);
    }
}
