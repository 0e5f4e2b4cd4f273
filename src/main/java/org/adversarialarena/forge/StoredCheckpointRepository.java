package org.adversarialarena.forge;

import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** Checkpoints of one scope: {@code run} is the workshop run of a class detective, 0 for the global one. */
interface StoredCheckpointRepository extends JpaRepository<StoredCheckpoint, Long> {

    @Query("""
            select c from StoredCheckpoint c where c.dataset = :dataset and coalesce(c.workshopRunId, 0) = :run
             order by c.version desc""")
    List<StoredCheckpoint> newest(String dataset, long run, Limit limit);

    @Query("""
            select count(c) > 0 from StoredCheckpoint c where c.dataset = :dataset and coalesce(c.workshopRunId, 0) = :run
             and c.version = :version""")
    boolean exists(String dataset, long run, long version);

    @Query("""
            select c.version from StoredCheckpoint c where c.dataset = :dataset and coalesce(c.workshopRunId, 0) = :run
             order by c.version desc""")
    List<Long> versions(String dataset, long run, Limit limit);

    @Modifying
    @Query("""
            delete from StoredCheckpoint c where c.dataset = :dataset and coalesce(c.workshopRunId, 0) = :run
             and c.version < :version""")
    int deleteOlderThan(String dataset, long run, long version);
}
