package org.adversarialarena.fool;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.adversarialarena.round.StoredResult;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface FoolAttemptRepository extends JpaRepository<FoolAttempt, Long> {

    /** The best successful attempts of a board, for the gallery; the player is fetched with them. */
    @Query("select a from FoolAttempt a join fetch a.player where a.dataset = :dataset and a.level = :level"
            + " and a.success = true and a.challenge.ranked = true order by a.points desc, a.submitted asc")
    List<FoolAttempt> best(String dataset, String level, Limit limit);

    @Query("select a from FoolAttempt a join fetch a.player where a.id in :ids")
    List<FoolAttempt> findWithPlayerByIdIn(Collection<Long> ids);

    long countByPlayerId(long playerId);

    /** The player's ranked attempts whose result never reached their page (a workshop shows its own). */
    @Query("""
            select new org.adversarialarena.round.StoredResult(a.id, a.submitted, a.points) from FoolAttempt a
             where a.player.id = :playerId and a.shownAt is null and a.challenge.ranked = true order by a.submitted""")
    List<StoredResult> unshown(long playerId);

    @Modifying
    @Query("update FoolAttempt a set a.shownAt = :at where a.player.id = :playerId and a.id in :ids and a.shownAt is null")
    int markShown(long playerId, Collection<Long> ids, Instant at);

    List<FoolAttempt> findByChallengeIdIn(Collection<UUID> challengeIds);
}
