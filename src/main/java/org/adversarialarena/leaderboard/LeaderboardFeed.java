package org.adversarialarena.leaderboard;

import java.util.List;
import java.util.function.Consumer;
import org.adversarialarena.base.live.LiveListener;
import org.adversarialarena.base.live.LivePublisher;
import org.adversarialarena.base.live.LiveTopic;
import org.adversarialarena.base.live.ReloadingFeed;
import org.adversarialarena.base.live.Subscription;
import org.adversarialarena.round.Board;
import org.adversarialarena.round.RoundScored;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Boards' rankings, live on every node: a scored round announces its board inside the scoring
 * transaction, so the announcement goes out only if the score commits; each node then reloads the
 * board's top once and hands it to everyone there who follows it.
 */
@Component
public class LeaderboardFeed {

    static final LiveTopic<Board> TOPIC = LiveTopic.of("leaderboard", Board::toString);
    /** Any board changed: the list of boards may have grown. One key, since a page follows all boards. */
    static final LiveTopic<String> BOARDS = LiveTopic.of("leaderboards", all -> all);
    private static final String ALL = "all";

    private final LivePublisher publisher;
    private final ReloadingFeed<Board, List<Standing>> rankings;
    private final ReloadingFeed<String, List<BoardSummary>> boards;

    LeaderboardFeed(LeaderboardService leaderboards, LivePublisher publisher, LiveListener listener) {
        this.publisher = publisher;
        this.rankings = listener.feed(TOPIC, leaderboards::top);
        this.boards = listener.feed(BOARDS, all -> leaderboards.boards());
    }

    /** Hands {@code listener} every board with a score after any score lands, until closed. */
    public Subscription followBoards(Consumer<List<BoardSummary>> listener) {
        return boards.follow(ALL, listener);
    }

    /** Hands {@code listener} the board's top after every change to it, until closed. */
    public Subscription follow(Board board, Consumer<List<Standing>> listener) {
        return rankings.follow(board, listener);
    }

    @EventListener
    void on(RoundScored scored) {
        publisher.publish(TOPIC, scored.board(), scored.roundId());
        publisher.publish(BOARDS, ALL, scored.roundId());
    }
}
