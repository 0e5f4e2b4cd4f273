package org.adversarialarena.round;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ScoreRepository extends JpaRepository<Score, Long> {

    List<Score> findByRoundId(long roundId);
}
