package org.adversarialarena.player;

import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates and finds players. */
@Service
@Transactional
public class PlayerService {

    private final PlayerRepository players;
    private final Clock clock;

    PlayerService(PlayerRepository players, Clock clock) {
        this.players = players;
        this.clock = clock;
    }

    public Player join(String nickname) {
        return players.save(new Player(nickname, clock.instant()));
    }

    @Transactional(readOnly = true)
    public Optional<Player> find(long id) {
        return players.findById(id);
    }
}
