package org.adversarialarena.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.adversarialarena.base.live.Subscription;
import org.adversarialarena.player.Player;
import org.adversarialarena.player.PlayerService;
import org.adversarialarena.round.Board;
import org.adversarialarena.round.Game;
import org.adversarialarena.round.RoundService;
import org.jspecify.annotations.Nullable;
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
        BlockingQueue<BoardRanking> onBoard = new LinkedBlockingQueue<>();
        BlockingQueue<BoardRanking> onOtherBoard = new LinkedBlockingQueue<>();

        try (Subscription following = feed.follow(board, () -> null, onBoard::add);
             Subscription followingElsewhere = feed.follow(elsewhere, () -> null, onOtherBoard::add)) {
            new TransactionTemplate(transactions).executeWithoutResult(status -> {
                score(board, eve, 99);
                status.setRollbackOnly();
            });
            score(board, ada, 40);

            BoardRanking ranking = onBoard.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            assertThat(ranking).isNotNull();
            assertThat(ranking.top()).extracting(Standing::nickname).containsExactly("ada");
            assertThat(ranking.top()).extracting(Standing::points).containsExactly(40.0);
            assertThat(onBoard).as("the rolled-back score announced nothing").isEmpty();
            assertThat(onOtherBoard).isEmpty();
        }
    }

    @Test
    void aFollowerWhoLeftHearsNoMore() throws InterruptedException {
        Board board = freshBoard();
        Player grace = players.join("grace");
        BlockingQueue<BoardRanking> left = new LinkedBlockingQueue<>();
        BlockingQueue<BoardRanking> stayed = new LinkedBlockingQueue<>();

        feed.follow(board, () -> null, left::add).close();
        try (Subscription following = feed.follow(board, () -> null, stayed::add)) {
            score(board, grace, 12);

            assertThat(stayed.poll(WAIT_SECONDS, TimeUnit.SECONDS).top()).extracting(Standing::nickname)
                    .containsExactly("grace");
            assertThat(left).isEmpty();
        }
    }

    @Test
    void eachFollowerGetsTheirViewersPlaceWithTheTopAndAViewerWhoLeftIsNoLongerLookedUp() throws InterruptedException {
        Board board = freshBoard();
        for (int above = 0; above < LeaderboardService.TOP; above++) {
            score(board, players.join("top" + above), 100 + above);
        }
        Player last = players.join("last");
        Player lower = players.join("lower");
        Player unscored = players.join("none");
        score(board, last, 50);
        score(board, lower, 20);
        AtomicReference<@Nullable Long> lastsPage = new AtomicReference<>(last.getId());
        BlockingQueue<BoardRanking> toLast = new LinkedBlockingQueue<>();
        BlockingQueue<BoardRanking> toOthers = new LinkedBlockingQueue<>();
        Player first = players.join("first");

        feed.follow(board, lower::getId, new LinkedBlockingQueue<BoardRanking>()::add).close();
        try (Subscription lastFollows = feed.follow(board, lastsPage::get, toLast::add);
             Subscription othersFollow = feed.follow(board, unscored::getId, toOthers::add)) {
            score(board, first, 500);

            // the announcements of the scores above may still arrive: wait for the ranking with "first" on top
            BoardRanking seen = awaitRanking(toLast, ranking -> "first".equals(ranking.top().getFirst().nickname()));
            assertThat(awaitRanking(toOthers, ranking -> ranking == seen)).as("one load for every follower").isSameAs(seen);
            assertThat(seen.top()).hasSize(LeaderboardService.TOP);
            assertThat(seen.asked()).containsExactlyInAnyOrder(last.getId(), unscored.getId());
            assertThat(seen.knows(last.getId())).isTrue();
            assertThat(seen.placeOf(last.getId())).hasValueSatisfying(place -> {
                assertThat(place.rank()).isEqualTo(LeaderboardService.TOP + 2);
                assertThat(place.points()).isEqualTo(50.0);
            });
            assertThat(seen.knows(unscored.getId())).isTrue();
            assertThat(seen.placeOf(unscored.getId())).isEmpty();
            assertThat(seen.knows(lower.getId())).as("its page left").isFalse();

            lastsPage.set(null);
            score(board, lower, 21);
            BoardRanking afterLeaving = awaitRanking(toLast, ranking -> !ranking.asked().contains(last.getId()));
            assertThat(afterLeaving.asked()).as("a page that shows no player asks for no place")
                    .containsExactly(unscored.getId());
        }
    }

    /** The first ranking handed to {@code queue} that {@code wanted} accepts; earlier ones are passed over. */
    private static BoardRanking awaitRanking(BlockingQueue<BoardRanking> queue, Predicate<BoardRanking> wanted)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (System.nanoTime() < deadline) {
            BoardRanking ranking = queue.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (ranking != null && wanted.test(ranking)) {
                return ranking;
            }
        }
        throw new AssertionError("no wanted ranking within " + WAIT_SECONDS + " s");
    }

    private void score(Board board, Player player, double points) {
        rounds.record(board, player, points);
    }

    private static Board freshBoard() {
        return new Board(Game.FOOL, "mnist", "t-" + UUID.randomUUID().toString().substring(0, 8));
    }
}
