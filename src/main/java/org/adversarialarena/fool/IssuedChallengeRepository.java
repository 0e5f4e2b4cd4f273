package org.adversarialarena.fool;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface IssuedChallengeRepository extends JpaRepository<IssuedChallenge, UUID> {

    /** The player's latest challenge on a dataset, so the next one can be a different image. */
    Optional<IssuedChallenge> findFirstByPlayerIdAndDatasetOrderByIssuedDesc(long playerId, String dataset);

    /** The player's open, unexpired challenge of a level on a dataset (at most one is open per level). */
    @Query("""
            select c from IssuedChallenge c where c.player.id = :playerId and c.level = :level
            and c.dataset = :dataset and c.closed is null and c.expires > :now order by c.issued desc""")
    List<IssuedChallenge> findOpen(long playerId, String level, String dataset, Instant now);

    /**
     * Locks the player's row until the transaction ends, so challenges are issued to one player one at
     * a time. {@code no key update} does not block the rows that merely reference the player.
     */
    @Query(value = "select id from player where id = :playerId for no key update", nativeQuery = true)
    Optional<Long> lockPlayerForIssuing(long playerId);

    @Modifying
    @Query("""
            update IssuedChallenge c set c.closed = :at, c.closedBy = :how
            where c.player.id = :playerId and c.level = :level and c.closed is null""")
    int closeOpen(long playerId, String level, String how, Instant at);

    @Modifying
    @Query(value = """
            delete from fool_challenge c where c.expires_at < :cutoff
            and not exists (select 1 from fool_attempt a where a.challenge_id = c.id)""", nativeQuery = true)
    int deleteExpiredWithoutAttempt(Instant cutoff);

    /** The challenge, locked until the transaction ends: whoever closes it first is the only one. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from IssuedChallenge c where c.id = :id")
    Optional<IssuedChallenge> findForUpdate(UUID id);
}
