package org.adversarialarena.round;

import org.springframework.data.jpa.repository.JpaRepository;

interface GameRoundRepository extends JpaRepository<GameRound, Long> {
}
