package org.adversarialarena.player;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface PlayerRepository extends JpaRepository<Player, Long> {

    Optional<Player> findByTokenHash(String tokenHash);
}
