package org.adversarialarena.player;

import java.time.Duration;
import org.adversarialarena.quota.LimitReachedException;

/** More new players came from one client address or session than {@code arena.players.joins-per-*} allow; none was created. */
public class TooManyPlayersException extends LimitReachedException {

    TooManyPlayersException(Duration retryAfter) {
        super("Too many new players from this address or session", retryAfter);
    }
}
