package org.adversarialarena.judge;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface JudgeSessionRepository extends JpaRepository<JudgeSessionEntity, Long> {

    /** The session, locked until the transaction ends: two answers to one session never interleave. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from JudgeSessionEntity s join fetch s.player where s.id = :id")
    Optional<JudgeSessionEntity> lockById(long id);
}
