package org.adversarialarena.fool;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface IssuedChallengeRepository extends JpaRepository<IssuedChallenge, UUID> {

    /** The player's latest challenge on a dataset, so the next one can be a different image. */
    Optional<IssuedChallenge> findFirstByPlayerIdAndDatasetOrderByIssuedDesc(long playerId, String dataset);

    /** The challenge, locked until the transaction ends: whoever closes it first is the only one. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from IssuedChallenge c where c.id = :id")
    Optional<IssuedChallenge> findForUpdate(UUID id);
}
