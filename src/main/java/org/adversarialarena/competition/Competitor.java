package org.adversarialarena.competition;

/** Who a board ranks and a cap counts: a team, or an entrant who is in none. */
public record Competitor(boolean team, long id) {

    public static Competitor entrant(long entrantId) {
        return new Competitor(false, entrantId);
    }

    public static Competitor team(long teamId) {
        return new Competitor(true, teamId);
    }
}
