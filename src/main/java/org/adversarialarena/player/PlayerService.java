package org.adversarialarena.player;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.adversarialarena.base.security.ClientAddress;
import org.adversarialarena.quota.Admission;
import org.adversarialarena.quota.RateLimit;
import org.adversarialarena.quota.RateLimiter;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates and finds players. A new player costs nothing to make, so throw-away players could fill the
 * boards: new players are limited per client address and per browser session (in PostgreSQL, across
 * nodes).
 */
@Service
@Transactional
public class PlayerService {

    private final PlayerRepository players;
    private final NicknameFilter filter;
    private final Clock clock;
    private final RateLimiter limiter;
    private final RateLimit joinsPerAddress;
    private final RateLimit joinsPerSession;

    PlayerService(PlayerRepository players, NicknameFilter filter, Clock clock, RateLimiter limiter,
            @Value("${arena.players.joins-per-address:200}") int joinsPerAddress,
            @Value("${arena.players.joins-per-session:5}") int joinsPerSession,
            @Value("${arena.players.join-window:10m}") Duration joinWindow) {
        this.players = players;
        this.filter = filter;
        this.clock = clock;
        this.limiter = limiter;
        this.joinsPerAddress = new RateLimit("player-joins-address", joinsPerAddress, joinWindow);
        this.joinsPerSession = new RateLimit("player-joins-session", joinsPerSession, joinWindow);
    }

    /**
     * Throws {@link NicknameRefusedException}, naming the reason, for a name the boards must not show,
     * and {@link TooManyPlayersException} past the limit of new players from the client's address.
     */
    public Player join(String nickname) {
        return join(nickname, ClientAddress.current());
    }

    Player join(String nickname, @Nullable String address) {
        Player player = newPlayer(nickname);
        admitFrom(address, null);
        return players.save(player);
    }

    /**
     * Joins a player whose browser will keep the returned token to be recognised later; refuses as
     * {@link #join}. Outside a transaction: each count commits as it is made, so a class joining from
     * one address does not queue on its counter's row behind each other's joins; the player is then
     * saved in a transaction of its own.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public BrowserPlayer joinFromBrowser(String nickname) {
        return joinFromBrowserAt(nickname, ClientAddress.current(), null);
    }

    /** As {@link #joinFromBrowser(String)}, also limited per browser session (an opaque key, e.g. the HTTP session's id). */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public BrowserPlayer joinFromBrowser(String nickname, String sessionKey) {
        return joinFromBrowserAt(nickname, ClientAddress.current(), sessionKey);
    }

    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    BrowserPlayer joinFromBrowserAt(String nickname, @Nullable String address, @Nullable String sessionKey) {
        Player player = newPlayer(nickname);
        admitFrom(address, sessionKey);
        String token = ResumeToken.create();
        player.setTokenHash(ResumeToken.hash(token));
        return new BrowserPlayer(players.save(player), token);
    }

    /**
     * Counts a new player against the session and the address, once the nickname passed (a refused
     * name costs nothing). Without a request (a test, a command-line tool) there is no address, and
     * nothing to count it by.
     */
    private void admitFrom(@Nullable String address, @Nullable String sessionKey) {
        if (sessionKey != null) {
            admit(joinsPerSession, sessionKey);
        }
        if (address != null) {
            admit(joinsPerAddress, address);
        }
    }

    private void admit(RateLimit limit, String key) {
        Admission admission = limiter.hit(limit, key);
        if (!admission.allowed()) {
            throw new TooManyPlayersException(admission.retryAfter());
        }
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
