package org.adversarialarena.judge;

import java.time.Duration;
import org.adversarialarena.quota.LimitReachedException;

/** A player started Judge sessions faster than allowed; no session was made. */
public class TooManySessionsException extends LimitReachedException {

    public TooManySessionsException(Duration retryAfter) {
        super("Too many Judge sessions", retryAfter);
    }
}
