package org.adversarialarena.workshop;

/**
 * A workshop's teams: none ({@code size} 0), or teams of at most {@code size} students, either placed
 * by the server as they join (balanced) or chosen by each student at join. A team's score is the mean
 * of its members' points (docs/workshops.md: a team one short is not behind for it).
 */
public record Teams(int size, boolean chosen) {

    public static final Teams NONE = new Teams(0, false);
    public static final int MIN_SIZE = 2;
    public static final int MAX_SIZE = 50;

    public boolean enabled() {
        return size > 0;
    }

    /** Throws a refusal for a size that is neither 0 (no teams) nor 2 to 50. */
    void requireValid() {
        if (size != 0 && (size < MIN_SIZE || size > MAX_SIZE)) {
            throw new WorkshopRefusedException("workshop.refused.team-size", "A team has " + MIN_SIZE + " to " + MAX_SIZE
                    + " students", MIN_SIZE, MAX_SIZE);
        }
    }
}
