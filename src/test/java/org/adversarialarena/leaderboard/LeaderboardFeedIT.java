package org.adversarialarena.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.adversarialarena.base.live.Subscription;
import org.adversarialarena.player.Player;
import org.adversarialarena.player.PlayerService;
import org.adversarialarena.round.Board;
import org.adversarialarena.round.Game;
import org.adversarialarena.round.RoundService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Whoever follows a board sees its new ranking once a score on it commits, through PostgreSQL's notifications. */
@SpringBootTest
class LeaderboardFeedIT {

    private static final long WAIT_SECONDS = 10;

    @Autowired
    PlayerService players;

    @Autowired
    RoundService rounds;

    @Autowired
    LeaderboardFeed feed;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aCommittedScoreReachesTheBoardsFollowersAndARolledBackOneNever() throws InterruptedException {
        Board board = freshBoard();
        Board elsewhere = freshBoard();
        Player ada = players.join("ada");
        Player eve = players.join("eve");
        BlockingQueue<List<Standing>> onBoard = new LinkedBlockingQueue<>();
        BlockingQueue<List<Standing>> onOtherBoard = new LinkedBlockingQueue<>();

        try (Subscription following = feed.follow(board, onBoard::add);
             Subscription followingElsewhere = feed.follow(elsewhere, onOtherBoard::add)) {
            new TransactionTemplate(transactions).executeWithoutResult(status -> {
                score(board, eve, 99);
                status.setRollbackOnly();
            });
            score(board, ada, 40);

            List<Standing> ranking = onBoard.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            assertThat(ranking).isNotNull();
            assertThat(ranking).extracting(Standing::nickname).containsExactly("ada");
            assertThat(ranking).extracting(Standing::points).containsExactly(40.0);
            assertThat(onBoard).as("the rolled-back score announced nothing").isEmpty();
            assertThat(onOtherBoard).isEmpty();
        }
    }

    @Test
    void aFollowerWhoLeftHearsNoMore() throws InterruptedException {
        Board board = freshBoard();
        Player grace = players.join("grace");
        BlockingQueue<List<Standing>> left = new LinkedBlockingQueue<>();
        BlockingQueue<List<Standing>> stayed = new LinkedBlockingQueue<>();

        feed.follow(board, left::add).close();
        try (Subscription following = feed.follow(board, stayed::add)) {
            score(board, grace, 12);

            assertThat(stayed.poll(WAIT_SECONDS, TimeUnit.SECONDS)).extracting(Standing::nickname).containsExactly("grace");
            assertThat(left).isEmpty();
        }
    }

    private void score(Board board, Player player, double points) {
        rounds.record(board, player, points);
    }

    private static Board freshBoard() {
        return new Board(Game.FOOL, "mnist", "t-" + UUID.randomUUID().toString().substring(0, 8));
    }
}
