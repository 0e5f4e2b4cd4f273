package org.adversarialarena.workshop;

/** When a workshop shows its ranking: a top five after each round, only a podium at the end, or never. */
public enum LeaderboardShown {
    AFTER_EACH_ROUND, AT_END, NEVER;

    public boolean afterRounds() {
        return this == AFTER_EACH_ROUND;
    }

    public boolean atEnd() {
        return this != NEVER;
    }
}
