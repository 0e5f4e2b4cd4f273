package org.adversarialarena.forge;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.adversarialarena.round.StoredResult;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/**
 * Forgeries. The global game's queries (gallery, final verdict) leave out workshop forgeries; a scope's
 * {@code run} is its workshop run, 0 for the global detective.
 */
interface ForgeryRepository extends JpaRepository<ForgeryEntity, Long> {

    @Query("""
            select f from ForgeryEntity f join fetch f.player
             where f.dataset = :dataset and f.workshopRunId is null and f.classifierAgrees = true
               and f.realProbability >= 0.5
             order by f.created desc""")
    List<ForgeryEntity> fooledTheDetective(String dataset, Limit limit);

    @Query("""
            select f from ForgeryEntity f join fetch f.player
             where f.dataset = :dataset and f.workshopRunId is null and f.created >= :from and f.created < :to
             order by f.created""")
    List<ForgeryEntity> submittedBetween(String dataset, Instant from, Instant to);

    @Query("""
            select f from ForgeryEntity f join fetch f.player
             where f.dataset = :dataset and coalesce(f.workshopRunId, 0) = :run order by f.created desc""")
    List<ForgeryEntity> latest(String dataset, long run, Limit limit);

    /** The scope's forgeries stored after {@code after}, by id: what a node's detective has not counted yet. */
    @Query("""
            select f.id from ForgeryEntity f where f.dataset = :dataset and coalesce(f.workshopRunId, 0) = :run
               and f.id > :after order by f.id""")
    List<Long> idsAfter(String dataset, long run, long after, Limit limit);

    @Query("select f from ForgeryEntity f join fetch f.player where f.id in :ids order by f.created")
    List<ForgeryEntity> byIds(Collection<Long> ids);

    long countByDataset(String dataset);

    @Query("""
            select count(f) from ForgeryEntity f where f.player.id = :playerId and f.dataset = :dataset
               and f.workshopRunId is null and f.promptClass = :prompt and f.created >= :from and f.created < :to""")
    long countOfPlayer(long playerId, String dataset, int prompt, Instant from, Instant to);

    /** The player's forgeries whose result never reached their page. */
    @Query("""
            select new org.adversarialarena.round.StoredResult(f.id, f.created, f.score) from ForgeryEntity f
             where f.player.id = :playerId and f.shownAt is null order by f.created""")
    List<StoredResult> unshown(long playerId);

    @Modifying
    @Query("update ForgeryEntity f set f.shownAt = :at where f.player.id = :playerId and f.id in :ids and f.shownAt is null")
    int markShown(long playerId, Collection<Long> ids, Instant at);
}
