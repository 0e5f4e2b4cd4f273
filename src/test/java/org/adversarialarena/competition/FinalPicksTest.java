package org.adversarialarena.competition;

import static org.adversarialarena.competition.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The final-pick rules: who may pick what and when, and which submission each competitor takes to the
 * private board (their best pick on the private half, else their best by public score).
 */
class FinalPicksTest {

    private static final Instant DAY_2 = Fixtures.START.plus(Duration.ofDays(1));
    private long ids;

    private Submission scored(long entrant, @Nullable Long team, double pub, double priv, boolean picked) {
        return new Submission(++ids, 1, entrant, "e" + entrant, Channel.API, 0, SubmissionStatus.SCORED, null,
                DAY_2.plusSeconds(ids), DAY_2.plusSeconds(ids), pub, priv, 0.1, 0.1, picked, team,
                team == null ? null : "team " + team);
    }

    private static CompetitionSettings picks(int finalPicks) {
        return Fixtures.settings().withEntry(new EntryRules(finalPicks, 3));
    }

    @Test
    void upToTheLimitMayBePickedAndUnpickedUntilTheEndButNeverAFailedOne() {
        CompetitionSettings settings = picks(2);
        Submission fresh = scored(1, null, 0.5, 0.5, false);
        Submission alreadyPicked = scored(1, null, 0.5, 0.5, true);
        Submission failed = new Submission(++ids, 1, 1, "e1", Channel.API, 0, SubmissionStatus.FAILED, "boom", DAY_2,
                DAY_2, null, null, null, null);

        FinalPicks.requireAllowed(settings, fresh, true, 1, DAY_2);
        FinalPicks.requireAllowed(settings, scored(1, null, 0, 0, false).withPicked(false), true, 0, DAY_2);
        assertRefused(() -> FinalPicks.requireAllowed(settings, fresh, true, 2, DAY_2), "competition.refused.picks-full");
        // picking one already picked, or unpicking, is never over the limit
        FinalPicks.requireAllowed(settings, alreadyPicked, true, 2, DAY_2);
        FinalPicks.requireAllowed(settings, alreadyPicked, false, 2, DAY_2);
        assertRefused(() -> FinalPicks.requireAllowed(settings, failed, true, 0, DAY_2), "competition.refused.pick-failed");
        FinalPicks.requireAllowed(settings, failed, false, 1, DAY_2);
        assertRefused(() -> FinalPicks.requireAllowed(settings, fresh, true, 0, Fixtures.END), "competition.refused.over");
        assertRefused(() -> FinalPicks.requireAllowed(settings, alreadyPicked, false, 1, Fixtures.END),
                "competition.refused.over");
        assertRefused(() -> FinalPicks.requireAllowed(picks(0), fresh, true, 0, DAY_2), "competition.refused.picks-off");
    }

    @Test
    void thePrivateBoardTakesTheBestPickOnThePrivateHalfElseTheBestByPublicScore() {
        List<Submission> submissions = List.of(
                scored(1, null, 0.9, 0.1, false),   // ada's best by public score, not picked
                scored(1, null, 0.2, 0.6, true),    // ada's picks: the better private one counts
                scored(1, null, 0.3, 0.4, true),
                scored(2, null, 0.8, 0.3, false),   // bo picked nothing: his best by public score
                scored(2, null, 0.1, 0.9, false));

        Board reveal = Boards.privateBoard(picks(2), submissions, Boards.Viewer.anybody(), Fixtures.END);

        assertThat(reveal.rows()).extracting(BoardRow::name).containsExactly("e1", "e2");
        assertThat(reveal.rows()).extracting(BoardRow::success).containsExactly(0.6, 0.3);
    }

    @Test
    void withoutFinalPicksTheBestByPublicScoreCountsWhateverIsMarked() {
        List<Submission> submissions = List.of(scored(1, null, 0.9, 0.1, false), scored(1, null, 0.2, 0.6, true));

        Board reveal = Boards.privateBoard(picks(0), submissions, Boards.Viewer.anybody(), Fixtures.END);

        assertThat(reveal.rows()).singleElement().satisfies(row -> assertThat(row.success()).isEqualTo(0.1));
    }

    @Test
    void aTeamIsOneCompetitorItsMembersPicksCountTogetherAndEachMemberSeesTheLineAsTheirs() {
        List<Submission> submissions = List.of(
                scored(1, 7L, 0.9, 0.1, false),
                scored(2, 7L, 0.4, 0.5, true),      // a teammate's pick is the team's pick
                scored(3, null, 0.5, 0.3, false));

        Board reveal = Boards.privateBoard(picks(1), submissions, Boards.Viewer.member(1, Competitor.team(7)), Fixtures.END);
        Board live = Boards.publicBoard(picks(1), submissions, Boards.Viewer.member(1, Competitor.team(7)), DAY_2);

        assertThat(reveal.rows()).extracting(BoardRow::name).containsExactly("team 7", "e3");
        assertThat(reveal.rows()).extracting(BoardRow::success).containsExactly(0.5, 0.3);
        assertThat(reveal.rows()).extracting(BoardRow::you).containsExactly(true, false);
        assertThat(live.rows()).extracting(BoardRow::name).containsExactly("team 7", "e3");
        assertThat(live.rows().getFirst().success()).isEqualTo(0.9);
    }

    @Test
    void theMatrixTakesEachCompetitorsFinalAttackExactlyAsThePrivateBoardDoes() {
        Submission teamBestPublic = scored(1, 7L, 0.9, 0.1, false);
        Submission teamPick = scored(2, 7L, 0.4, 0.5, true);
        Submission cyBest = scored(3, null, 0.5, 0.3, false);
        List<Submission> submissions = List.of(teamBestPublic, teamPick, cyBest);

        assertThat(FinalEntries.attacks(picks(1), submissions)).containsExactly(teamPick, cyBest);
        assertThat(FinalEntries.attacks(picks(0), submissions)).containsExactly(teamBestPublic, cyBest);
        assertThat(Boards.privateBoard(picks(1), submissions, Boards.Viewer.anybody(), Fixtures.END).rows())
                .extracting(BoardRow::submissionId).containsExactly(teamPick.id(), cyBest.id());
    }
}
