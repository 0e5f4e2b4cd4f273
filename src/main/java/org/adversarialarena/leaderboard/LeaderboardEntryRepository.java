package org.adversarialarena.leaderboard;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.adversarialarena.round.Game;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface LeaderboardEntryRepository extends JpaRepository<LeaderboardEntry, Long> {

    /** Keeps the better of the stored and the new score, atomically, even for simultaneous submissions. */
    @Modifying
    @Query(nativeQuery = true, value = """
            insert into leaderboard_entry (game, dataset, variant, player_id, round_id, points, achieved_at)
            values (:game, :dataset, :variant, :player, :round, :points, :at)
            on conflict (game, dataset, variant, player_id) do update
               set points = excluded.points, round_id = excluded.round_id, achieved_at = excluded.achieved_at
             where leaderboard_entry.points < excluded.points""")
    int keepBest(@Param("game") String game, @Param("dataset") String dataset, @Param("variant") String variant,
            @Param("player") long playerId, @Param("round") long roundId, @Param("points") double points,
            @Param("at") Instant at);

    @Query("""
            select e from LeaderboardEntry e join fetch e.player
             where e.game = :game and e.dataset = :dataset and e.variant = :variant and e.points > 0
             order by e.points desc, e.achievedAt asc""")
    List<LeaderboardEntry> ranking(Game game, String dataset, String variant, Limit limit);

    @Query("""
            select e from LeaderboardEntry e join fetch e.player p
             where e.game = :game and e.dataset = :dataset and e.variant = :variant and p.id = :playerId
               and e.points > 0""")
    Optional<LeaderboardEntry> entryOf(Game game, String dataset, String variant, long playerId);

    @Query("""
            select count(e) from LeaderboardEntry e
             where e.game = :game and e.dataset = :dataset and e.variant = :variant
               and (e.points > :points or (e.points = :points and e.achievedAt < :at))""")
    long countAhead(Game game, String dataset, String variant, double points, Instant at);

    @Query("""
            select new org.adversarialarena.leaderboard.BoardSummary(e.game, e.dataset, e.variant, count(e), max(e.points),
                   max(e.achievedAt))
              from LeaderboardEntry e where e.points > 0 group by e.game, e.dataset, e.variant
             order by max(e.achievedAt) desc""")
    List<BoardSummary> summaries();
}
