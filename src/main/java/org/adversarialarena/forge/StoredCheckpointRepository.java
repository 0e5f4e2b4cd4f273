package org.adversarialarena.forge;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface StoredCheckpointRepository extends JpaRepository<StoredCheckpoint, Long> {

    Optional<StoredCheckpoint> findFirstByDatasetOrderByVersionDesc(String dataset);

    boolean existsByDatasetAndVersion(String dataset, long version);

    @Query("select c.version from StoredCheckpoint c where c.dataset = :dataset order by c.version desc")
    List<Long> versions(String dataset, Limit limit);

    @Modifying
    @Query("delete from StoredCheckpoint c where c.dataset = :dataset and c.version < :version")
    int deleteOlderThan(String dataset, long version);
}
