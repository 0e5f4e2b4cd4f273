package org.adversarialarena.competition;

import java.util.List;

/** A team of a competition: it submits, is capped and ranked as one. Others join it with its invite code. */
public record Team(long id, long competitionId, String name, String inviteCode, List<String> members) {

    public static final int MAX_NAME_LENGTH = 40;

    public Team {
        members = List.copyOf(members);
    }
}
