package org.adversarialarena.competition;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The board rules: ranking and ties, the private shake-up at the end, the freeze, the blind phase, anonymity. */
class BoardsTest {

    private static final Instant DAY_2 = Fixtures.START.plus(Duration.ofDays(1));
    private static final AttackBudget BUDGET = new AttackBudget(BudgetNorm.LINF, 0.3);
    private long ids;

    private Submission scored(long entrant, String name, Instant at, double pub, double pubSize, double priv, double privSize) {
        return new Submission(++ids, 1, entrant, name, Channel.API, 0, SubmissionStatus.SCORED, null, at, at, pub, priv,
                pubSize, privSize);
    }

    private Submission withStatus(long entrant, String name, Instant at, SubmissionStatus status, @Nullable String failure) {
        return new Submission(++ids, 1, entrant, name, Channel.BROWSER, 0, status, failure, at, null, null, null, null, null);
    }

    private static CompetitionSettings settings(boolean anonymous, boolean blindSecondPhase) {
        return Fixtures.settings(BUDGET, 4, Duration.ofHours(12), anonymous, List.of(
                new CompetitionPhase("black-box", Fixtures.START, false, false),
                new CompetitionPhase("white-box", Fixtures.START.plus(Duration.ofDays(3)), blindSecondPhase, true)));
    }

    @Test
    void eachEntrantRanksByTheirBestPublicScoreTiesBrokenBySmallerPerturbationThenTime() {
        List<Submission> submissions = List.of(
                scored(1, "ada", DAY_2, 0.5, 0.2, 0.9, 0.2),
                scored(1, "ada", DAY_2.plusSeconds(60), 0.8, 0.25, 0.4, 0.25),
                scored(2, "bo", DAY_2.plusSeconds(30), 0.8, 0.1, 0.7, 0.1),
                scored(3, "cy", DAY_2.plusSeconds(10), 0.8, 0.1, 0.1, 0.1),
                withStatus(4, "di", DAY_2, SubmissionStatus.FAILED, "OutOfMemoryError"),
                withStatus(5, "ed", DAY_2, SubmissionStatus.QUEUED, null));

        Board board = Boards.publicBoard(settings(false, false), submissions, Boards.Viewer.anybody(), DAY_2.plusSeconds(90));

        assertThat(board.rows()).extracting(BoardRow::name).containsExactly("cy", "bo", "ada");
        assertThat(board.rows()).extracting(BoardRow::rank).containsExactly(1, 2, 3);
        assertThat(board.rows().get(2).success()).isEqualTo(0.8);
        assertThat(board.frozen()).isFalse();
    }

    @Test
    void thePrivateBoardIsEmptyUntilTheEndThenRanksEachOnesPublicPickOnThePrivateHalf() {
        List<Submission> submissions = List.of(
                scored(1, "ada", DAY_2, 0.5, 0.2, 0.9, 0.2),         // ada's better private score is not her pick
                scored(1, "ada", DAY_2.plusSeconds(60), 0.8, 0.2, 0.4, 0.2),
                scored(2, "bo", DAY_2.plusSeconds(30), 0.6, 0.1, 0.7, 0.1));
        CompetitionSettings settings = settings(false, false);

        assertThat(Boards.privateBoard(settings, submissions, Boards.Viewer.hosting(), Fixtures.END.minusSeconds(1)).rows())
                .isEmpty();
        Board reveal = Boards.privateBoard(settings, submissions, Boards.Viewer.anybody(), Fixtures.END);
        assertThat(reveal.rows()).extracting(BoardRow::name).containsExactly("bo", "ada");
        assertThat(reveal.rows()).extracting(BoardRow::success).containsExactly(0.7, 0.4);
        assertThat(Boards.publicBoard(settings, submissions, Boards.Viewer.anybody(), Fixtures.END).rows())
                .extracting(BoardRow::name).containsExactly("ada", "bo");
    }

    @Test
    void duringTheFreezeOthersSeeOnlyWhatCameBeforeItTheHostSeesEverything() {
        CompetitionSettings settings = settings(false, false);
        Instant freeze = settings.freezesAt();
        List<Submission> submissions = List.of(
                scored(1, "ada", freeze.minusSeconds(60), 0.5, 0.2, 0.5, 0.2),
                scored(2, "bo", freeze.plusSeconds(60), 0.9, 0.2, 0.9, 0.2));
        Instant now = freeze.plusSeconds(120);

        Board frozen = Boards.publicBoard(settings, submissions, Boards.Viewer.entrant(2), now);
        assertThat(frozen.frozen()).isTrue();
        assertThat(frozen.rows()).extracting(BoardRow::name).containsExactly("ada");
        assertThat(Boards.publicBoard(settings, submissions, Boards.Viewer.hosting(), now).rows())
                .extracting(BoardRow::name).containsExactly("bo", "ada");
        assertThat(Boards.publicBoard(settings, submissions, Boards.Viewer.anybody(), Fixtures.END).rows())
                .extracting(BoardRow::name).containsExactly("bo", "ada");
    }

    @Test
    void inABlindPhaseAParticipantSeesOnlyTheirOwnLine() {
        CompetitionSettings settings = settings(false, true);
        Instant blind = Fixtures.START.plus(Duration.ofDays(4));
        List<Submission> submissions = List.of(
                scored(1, "ada", blind.minusSeconds(60), 0.5, 0.2, 0.5, 0.2),
                scored(2, "bo", blind.minusSeconds(30), 0.9, 0.2, 0.9, 0.2));

        Board mine = Boards.publicBoard(settings, submissions, Boards.Viewer.entrant(1), blind);
        assertThat(mine.blind()).isTrue();
        assertThat(mine.rows()).singleElement().satisfies(row -> {
            assertThat(row.name()).isEqualTo("ada");
            assertThat(row.you()).isTrue();
            assertThat(row.rank()).isEqualTo(2);
        });
        assertThat(Boards.publicBoard(settings, submissions, Boards.Viewer.anybody(), blind).rows()).isEmpty();
        assertThat(Boards.publicBoard(settings, submissions, Boards.Viewer.hosting(), blind).rows()).hasSize(2);
        assertThat(Boards.publicBoard(settings, submissions, Boards.Viewer.entrant(1), DAY_2).rows()).hasSize(2);
    }

    @Test
    void anAnonymousBoardNamesOnlyTheViewerToParticipantsAndEveryoneToTheHost() {
        CompetitionSettings settings = settings(true, false);
        List<Submission> submissions = List.of(
                scored(1, "ada", DAY_2, 0.5, 0.2, 0.5, 0.2),
                scored(2, "bo", DAY_2, 0.9, 0.2, 0.9, 0.2));

        assertThat(Boards.publicBoard(settings, submissions, Boards.Viewer.entrant(1), DAY_2).rows())
                .extracting(BoardRow::name).containsExactly(null, "ada");
        assertThat(Boards.publicBoard(settings, submissions, Boards.Viewer.hosting(), DAY_2).rows())
                .extracting(BoardRow::name).containsExactly("bo", "ada");
    }
}
