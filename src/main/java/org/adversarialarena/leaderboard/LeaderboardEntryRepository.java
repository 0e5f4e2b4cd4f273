package org.adversarialarena.leaderboard;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
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

    /** Entries on a board, each with how many entries rank ahead of it (earlier wins a tie); the players follow. */
    String PLACES = """
            select e, (select count(a) from LeaderboardEntry a
                        where a.game = e.game and a.dataset = e.dataset and a.variant = e.variant
                          and (a.points > e.points or (a.points = e.points and a.achievedAt < e.achievedAt)))
              from LeaderboardEntry e join fetch e.player p
             where e.game = :game and e.dataset = :dataset and e.variant = :variant and e.points > 0 and
            """;

    /** The players' entries on a board, each with its place: {@link #PLACES}. */
    @Query(PLACES + "p.id in :playerIds")
    List<Object[]> places(Game game, String dataset, String variant, Collection<Long> playerIds);

    /**
     * One player's entry on a board with its place, as {@link #places} for a single player. Hibernate keeps
     * the SQL it translates from a query with single values, but translates a query with a list parameter
     * again at every call; a player's own board after each submission asks this.
     */
    @Query(PLACES + "p.id = :playerId")
    List<Object[]> place(Game game, String dataset, String variant, long playerId);

    @Query("""
            select new org.adversarialarena.leaderboard.BoardSummary(e.game, e.dataset, e.variant, count(e), max(e.points),
                   max(e.achievedAt))
              from LeaderboardEntry e where e.points > 0 group by e.game, e.dataset, e.variant
             order by max(e.achievedAt) desc""")
    List<BoardSummary> summaries();
}
