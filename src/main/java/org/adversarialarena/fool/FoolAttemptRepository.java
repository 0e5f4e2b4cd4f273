package org.adversarialarena.fool;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface FoolAttemptRepository extends JpaRepository<FoolAttempt, Long> {

    /** The best successful attempts of a board, for the gallery; the player is fetched with them. */
    @Query("select a from FoolAttempt a join fetch a.player where a.dataset = :dataset and a.level = :level"
            + " and a.success = true and a.challenge.ranked = true order by a.points desc, a.submitted asc")
    List<FoolAttempt> best(String dataset, String level, Limit limit);

    @Query("select a from FoolAttempt a join fetch a.player where a.id in :ids")
    List<FoolAttempt> findWithPlayerByIdIn(Collection<Long> ids);

    long countByPlayerId(long playerId);

    List<FoolAttempt> findByChallengeIdIn(Collection<UUID> challengeIds);
}
