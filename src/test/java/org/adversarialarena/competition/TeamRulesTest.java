package org.adversarialarena.competition;

import static org.adversarialarena.competition.Refusals.assertRefused;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The team rules: teams only where allowed; a merge (or a join) only before the freeze, within the team
 * size, the total cap and the final picks; leaving only before one's own first submission.
 */
class TeamRulesTest {

    /** Teams of up to 3, total cap 10, 2 final picks, freeze 12 hours before the end. */
    private static final CompetitionSettings TEAMS = Fixtures.settings().withEntry(new EntryRules(2, 3));
    private static final Instant DAY_2 = Fixtures.START.plus(Duration.ofDays(1));

    @Test
    void individualsOnlyCompetitionsHaveNoTeams() {
        CompetitionSettings individuals = Fixtures.settings();
        assertRefused(() -> TeamRules.requireCanCreate(individuals, false, DAY_2), "competition.refused.teams-off");
        assertRefused(() -> TeamRules.requireCanMerge(individuals, new TeamRules.Side(1, 0, 0),
                new TeamRules.Side(1, 0, 0), DAY_2), "competition.refused.teams-off");
    }

    @Test
    void oneTeamAtATimeAndNoNewTeamsOnceTheBoardFreezes() {
        TeamRules.requireCanCreate(TEAMS, false, DAY_2);
        assertRefused(() -> TeamRules.requireCanCreate(TEAMS, true, DAY_2), "competition.refused.team-already");
        assertRefused(() -> TeamRules.requireCanCreate(TEAMS, false, TEAMS.freezesAt()), "competition.refused.team-closed");
    }

    @Test
    void aMergeStaysWithinTheSizeTheTotalCapAndThePicksAndEndsAtTheFreeze() {
        TeamRules.requireCanMerge(TEAMS, new TeamRules.Side(1, 4, 1), new TeamRules.Side(2, 6, 1), DAY_2);
        assertRefused(() -> TeamRules.requireCanMerge(TEAMS, new TeamRules.Side(2, 0, 0), new TeamRules.Side(2, 0, 0),
                DAY_2), "competition.refused.team-full");
        assertRefused(() -> TeamRules.requireCanMerge(TEAMS, new TeamRules.Side(1, 5, 0), new TeamRules.Side(1, 6, 0),
                DAY_2), "competition.refused.team-merge-cap");
        assertRefused(() -> TeamRules.requireCanMerge(TEAMS, new TeamRules.Side(1, 1, 2), new TeamRules.Side(1, 1, 1),
                DAY_2), "competition.refused.team-merge-picks");
        assertRefused(() -> TeamRules.requireCanMerge(TEAMS, new TeamRules.Side(1, 0, 0), new TeamRules.Side(1, 0, 0),
                TEAMS.freezesAt().plusSeconds(1)), "competition.refused.team-closed");
    }

    @Test
    void aMemberLeavesOnlyBeforeTheirFirstSubmissionAndBeforeTheEnd() {
        TeamRules.requireCanLeave(TEAMS, true, 0, DAY_2);
        assertRefused(() -> TeamRules.requireCanLeave(TEAMS, true, 1, DAY_2), "competition.refused.team-leave");
        assertRefused(() -> TeamRules.requireCanLeave(TEAMS, false, 0, DAY_2), "competition.refused.team-none");
        assertRefused(() -> TeamRules.requireCanLeave(TEAMS, true, 0, Fixtures.END), "competition.refused.over");
    }
}
