package org.adversarialarena.judge;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface JudgeItemRepository extends JpaRepository<JudgeItemEntity, Long> {

    List<JudgeItemEntity> findBySessionIdOrderByPosition(long sessionId);
}
