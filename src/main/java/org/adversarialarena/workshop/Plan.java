package org.adversarialarena.workshop;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A workshop as its instructor saves it, to run again and again: its rounds in order and its options
 * (late join, when the ranking is shown, whether students give a private student id, teams).
 *
 * @param id null until saved
 */
public record Plan(@Nullable Long id, String name, boolean lateJoin, LeaderboardShown leaderboard, boolean askStudentId,
        List<RoundSettings> rounds, Teams teams) {

    public static final int MAX_NAME_LENGTH = 80;
    public static final int MAX_ROUNDS = 20;

    public Plan {
        name = name.strip();
        rounds = List.copyOf(rounds);
    }

    /** A plan without teams. */
    public Plan(@Nullable Long id, String name, boolean lateJoin, LeaderboardShown leaderboard, boolean askStudentId,
            List<RoundSettings> rounds) {
        this(id, name, lateJoin, leaderboard, askStudentId, rounds, Teams.NONE);
    }

    public static Plan blank(String name) {
        return new Plan(null, name, true, LeaderboardShown.AFTER_EACH_ROUND, false, List.of(RoundSettings.standard()));
    }

    /** Throws a refusal for a plan that cannot be saved: a blank or long name, no rounds or too many. */
    void requireValid() {
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
            throw new WorkshopRefusedException("workshop.refused.name", "A workshop's name has 1 to " + MAX_NAME_LENGTH
                    + " characters", MAX_NAME_LENGTH);
        }
        if (rounds.isEmpty() || rounds.size() > MAX_ROUNDS) {
            throw new WorkshopRefusedException("workshop.refused.rounds", "A workshop has 1 to " + MAX_ROUNDS
                    + " rounds, had " + rounds.size(), MAX_ROUNDS);
        }
        teams.requireValid();
    }
}
