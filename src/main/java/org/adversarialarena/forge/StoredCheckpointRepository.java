package org.adversarialarena.forge;

import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/**
 * Checkpoints of one scope: {@code run} is the workshop run of a class detective, 0 for the global one;
 * {@code gan} the shipped GAN pair its detective went live from.
 */
interface StoredCheckpointRepository extends JpaRepository<StoredCheckpoint, Long> {

    @Query("""
            select c from StoredCheckpoint c where c.dataset = :dataset and coalesce(c.workshopRunId, 0) = :run and c.ganVersion = :gan
             order by c.version desc""")
    List<StoredCheckpoint> newest(String dataset, long run, int gan, Limit limit);

    @Query("""
            select count(c) > 0 from StoredCheckpoint c where c.dataset = :dataset and coalesce(c.workshopRunId, 0) = :run and c.ganVersion = :gan
             and c.version = :version""")
    boolean exists(String dataset, long run, int gan, long version);

    @Query("""
            select c.version from StoredCheckpoint c where c.dataset = :dataset and coalesce(c.workshopRunId, 0) = :run and c.ganVersion = :gan
             order by c.version desc""")
    List<Long> versions(String dataset, long run, int gan, Limit limit);

    /** The counters of a stored version, brought up to date: it judged more forgeries since, without learning. */
    @Modifying
    @Query("""
            update StoredCheckpoint c set c.forgeriesSeen = :forgeriesSeen, c.recentCatches = :recentCatches,
                   c.rollbacks = :rollbacks, c.lastForgeryId = :lastForgeryId
             where c.dataset = :dataset and coalesce(c.workshopRunId, 0) = :run and c.ganVersion = :gan and c.version = :version
               and c.lastForgeryId <= :lastForgeryId""")
    int updateCounters(String dataset, long run, int gan, long version, long forgeriesSeen, String recentCatches, int rollbacks,
            long lastForgeryId);

    @Modifying
    @Query("""
            delete from StoredCheckpoint c where c.dataset = :dataset and coalesce(c.workshopRunId, 0) = :run and c.ganVersion = :gan
             and c.version < :version""")
    int deleteOlderThan(String dataset, long run, int gan, long version);
}
