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
    private final NicknameFilter filter;
    private final Clock clock;

    PlayerService(PlayerRepository players, NicknameFilter filter, Clock clock) {
        this.players = players;
        this.filter = filter;
        this.clock = clock;
    }

    /** Throws {@link NicknameRefusedException}, naming the reason, for a name the boards must not show. */
    public Player join(String nickname) {
        return players.save(newPlayer(nickname));
    }

    /** Joins a player whose browser will keep the returned token to be recognised later. */
    public BrowserPlayer joinFromBrowser(String nickname) {
        Player player = newPlayer(nickname);
        String token = ResumeToken.create();
        player.setTokenHash(ResumeToken.hash(token));
        return new BrowserPlayer(players.save(player), token);
    }

    private Player newPlayer(String nickname) {
        Player player = new Player(nickname, clock.instant());
        filter.check(player.getNickname());
        return player;
    }

    /** The player a browser's resume token belongs to; a malformed or unknown token finds nobody. */
    @Transactional(readOnly = true)
    public Optional<Player> resume(String token) {
        if (!ResumeToken.isWellFormed(token)) {
            return Optional.empty();
        }
        return players.findByTokenHash(ResumeToken.hash(token));
    }

    @Transactional(readOnly = true)
    public Optional<Player> find(long id) {
        return players.findById(id);
    }
}
