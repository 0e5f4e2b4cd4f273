package org.adversarialarena.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.adversarialarena.player.Player;
import org.adversarialarena.player.PlayerService;
import org.adversarialarena.round.Board;
import org.adversarialarena.round.Game;
import org.adversarialarena.round.RoundService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Leaderboards follow the scored rounds in the real database: best per player, ranked, per board. */
@SpringBootTest
class LeaderboardServiceIT {

    @Autowired
    PlayerService players;

    @Autowired
    RoundService rounds;

    @Autowired
    LeaderboardService leaderboards;

    @Test
    void eachPlayerAppearsOnceWithTheirBestScoreBestFirst() {
        Board board = freshBoard();
        Player ada = players.join("ada");
        Player alan = players.join("alan");

        score(board, ada, 40);
        score(board, alan, 55);
        score(board, ada, 70);
        score(board, ada, 10);

        List<Standing> top = leaderboards.top(board);
        assertThat(top).extracting(Standing::nickname).containsExactly("ada", "alan");
        assertThat(top).extracting(Standing::points).containsExactly(70.0, 55.0);
        assertThat(top).extracting(Standing::rank).containsExactly(1, 2);
        assertThat(leaderboards.personalBest(board, alan.getId())).hasValueSatisfying(best -> {
            assertThat(best.rank()).isEqualTo(2);
            assertThat(best.points()).isEqualTo(55.0);
        });
    }

    @Test
    void boardsAreSeparateAndAnUnplayedBoardIsEmpty() {
        Board played = freshBoard();
        Board other = freshBoard();
        Player grace = players.join("grace");

        long round = score(played, grace, 12);

        assertThat(leaderboards.top(other)).isEmpty();
        assertThat(leaderboards.personalBest(other, grace.getId())).isEmpty();
        assertThat(leaderboards.top(played)).singleElement().satisfies(s -> assertThat(s.roundId()).isEqualTo(round));
        assertThat(leaderboards.boards()).extracting(BoardSummary::board).contains(played).doesNotContain(other);
    }

    @Test
    void theTopIsCappedAndTiesGoToWhoeverGotThereFirst() {
        Board board = freshBoard();
        for (int i = 0; i < LeaderboardService.TOP + 3; i++) {
            score(board, players.join("p" + i), i < 2 ? 99 : i);
        }

        List<Standing> top = leaderboards.top(board);
        assertThat(top).hasSize(LeaderboardService.TOP);
        assertThat(top.get(0).nickname()).isEqualTo("p0");
        assertThat(top.get(1).nickname()).isEqualTo("p1");
    }

    /** One viewer's place is asked by equality, several viewers' by a list: both queries must agree. */
    @Test
    void placesBelowTheTopAgreeWhetherAskedForOneViewerOrForSeveral() {
        Board board = freshBoard();
        for (int i = 0; i < LeaderboardService.TOP; i++) {
            score(board, players.join("top" + i), 90 + i);
        }
        Player first = players.join("below-a");
        Player second = players.join("below-b");
        score(board, first, 30);
        score(board, second, 50);

        BoardRanking both = leaderboards.ranking(board, List.of(first.getId(), second.getId()));

        assertThat(both.placeOf(second.getId())).map(Standing::rank).hasValue(LeaderboardService.TOP + 1);
        assertThat(both.placeOf(first.getId())).map(Standing::rank).hasValue(LeaderboardService.TOP + 2);
        assertThat(leaderboards.ranking(board, List.of(first.getId())).placeOf(first.getId()))
                .isEqualTo(both.placeOf(first.getId()));
        assertThat(leaderboards.personalBest(board, second.getId())).isEqualTo(both.placeOf(second.getId()));
    }

    @Test
    void roundsWithoutPointsAreNotRankedSoThrowAwayPlayersCannotFillABoard() {
        Board board = freshBoard();
        Player scorer = players.join("scorer");
        score(board, scorer, 5);
        for (int i = 0; i < 3; i++) {
            score(board, players.join("nobody" + i), 0);
        }
        Player later = players.join("later");
        score(board, later, 0);
        score(board, later, 8);

        assertThat(leaderboards.top(board)).extracting(Standing::nickname).containsExactly("later", "scorer");
        assertThat(leaderboards.personalBest(board, scorer.getId())).hasValueSatisfying(
                best -> assertThat(best.rank()).isEqualTo(2));
        Board nothingScored = freshBoard();
        Player zero = players.join("zero");
        score(nothingScored, zero, 0);
        assertThat(leaderboards.top(nothingScored)).isEmpty();
        assertThat(leaderboards.personalBest(nothingScored, zero.getId())).isEmpty();
        assertThat(leaderboards.boards()).extracting(BoardSummary::board).doesNotContain(nothingScored);
    }

    private long score(Board board, Player player, double points) {
        return rounds.record(board, player, points).getRound().getId();
    }

    private static Board freshBoard() {
        return new Board(Game.FOOL, "mnist", "t-" + UUID.randomUUID().toString().substring(0, 8));
    }
}
