package org.adversarialarena.competition;

/**
 * How entries are made and counted: how many final submissions each competitor may pick for the
 * private board (0: none are picked, their best by public score counts), and the largest team
 * (1: individuals only). Limits and merge rules: docs/competitions.md, "Final picks" and "Teams".
 */
public record EntryRules(int finalPicks, int maxTeamSize) {

    public static final int MAX_FINAL_PICKS = 5;
    public static final int MAX_TEAM_SIZE = 10;
    /** Individuals, and the best submission by public score goes to the private board (Kaggle's default). */
    public static final EntryRules INDIVIDUALS = new EntryRules(0, 1);

    void requireValid() {
        if (finalPicks < 0 || finalPicks > MAX_FINAL_PICKS) {
            throw CompetitionRefusedException.invalid("competition.refused.final-picks",
                    "Final picks lie between 0 and 5", MAX_FINAL_PICKS);
        }
        if (maxTeamSize < 1 || maxTeamSize > MAX_TEAM_SIZE) {
            throw CompetitionRefusedException.invalid("competition.refused.team-size",
                    "A team has 1 to 10 members", MAX_TEAM_SIZE);
        }
    }

    public boolean teams() {
        return maxTeamSize > 1;
    }
}
