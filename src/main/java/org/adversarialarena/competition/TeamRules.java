package org.adversarialarena.competition;

import java.time.Instant;

/**
 * The team rules (docs/competitions.md, "Teams"), as Kaggle runs them: teams only where the host allows
 * them; joining a team is merging into it (an entrant alone, or their whole team), allowed only before
 * the merge deadline (the freeze, or the end without one), within the largest team size, and only if the
 * merged team's submissions that count stay within the total cap and its final picks within the picks
 * allowed; a member may leave only before making any submission, so a team's history never changes hands.
 */
final class TeamRules {

    /** The side of a merge: how many members, submissions that count, and final picks it brings. */
    record Side(int members, int counted, int picked) {
    }

    private TeamRules() {
    }

    static void requireTeams(CompetitionSettings settings) {
        if (!settings.entry().teams()) {
            throw CompetitionRefusedException.invalid("competition.refused.teams-off", "This competition is for individuals");
        }
    }

    static void requireCanCreate(CompetitionSettings settings, boolean inATeam, Instant now) {
        requireTeams(settings);
        if (!now.isBefore(settings.freezesAt())) {
            throw CompetitionRefusedException.notNow("competition.refused.team-closed", "Teams are settled", settings.freezesAt());
        }
        if (inATeam) {
            throw CompetitionRefusedException.notNow("competition.refused.team-already", "You are in a team already");
        }
    }

    static void requireCanMerge(CompetitionSettings settings, Side joining, Side team, Instant now) {
        requireTeams(settings);
        if (!now.isBefore(settings.freezesAt())) {
            throw CompetitionRefusedException.notNow("competition.refused.team-closed", "Teams are settled", settings.freezesAt());
        }
        if (joining.members() + team.members() > settings.entry().maxTeamSize()) {
            throw CompetitionRefusedException.notNow("competition.refused.team-full", "The team would be too large",
                    settings.entry().maxTeamSize());
        }
        if (joining.counted() + team.counted() > settings.totalCap()) {
            throw CompetitionRefusedException.notNow("competition.refused.team-merge-cap",
                    "Together you made more submissions than the cap allows", joining.counted() + team.counted(),
                    settings.totalCap());
        }
        if (joining.picked() + team.picked() > settings.entry().finalPicks()) {
            throw CompetitionRefusedException.notNow("competition.refused.team-merge-picks",
                    "Together you picked more final submissions than allowed", settings.entry().finalPicks());
        }
    }

    static void requireCanLeave(CompetitionSettings settings, boolean inATeam, int ownSubmissions, Instant now) {
        requireTeams(settings);
        if (!inATeam) {
            throw CompetitionRefusedException.notNow("competition.refused.team-none", "You are in no team");
        }
        if (settings.isOver(now)) {
            throw CompetitionRefusedException.notNow("competition.refused.over", "The competition is over");
        }
        if (ownSubmissions > 0) {
            throw CompetitionRefusedException.notNow("competition.refused.team-leave",
                    "Members who submitted stay in their team");
        }
    }
}
