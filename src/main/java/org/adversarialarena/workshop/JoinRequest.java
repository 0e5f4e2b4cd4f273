package org.adversarialarena.workshop;

import org.jspecify.annotations.Nullable;

/**
 * A student asking for a seat.
 *
 * @param previousToken a seat token this browser kept from before, if any: a banned seat's refuses the join
 * @param sessionKey    the browser session, also refused once banned
 * @param address       the client's address, for the rate limit
 * @param team          the team the student chose, where the run lets students choose (else ignored)
 */
public record JoinRequest(String code, String nickname, @Nullable String studentId, @Nullable String previousToken,
        @Nullable String sessionKey, @Nullable String address, @Nullable Integer team) {

    /** A join that chooses no team. */
    public JoinRequest(String code, String nickname, @Nullable String studentId, @Nullable String previousToken,
            @Nullable String sessionKey, @Nullable String address) {
        this(code, nickname, studentId, previousToken, sessionKey, address, null);
    }
}
