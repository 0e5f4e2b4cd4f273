package org.adversarialarena.leaderboard;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.adversarialarena.base.live.LiveListener;
import org.adversarialarena.base.live.LivePublisher;
import org.adversarialarena.base.live.LiveTopic;
import org.adversarialarena.base.live.ReloadingFeed;
import org.adversarialarena.base.live.Subscription;
import org.adversarialarena.round.Board;
import org.adversarialarena.round.RoundScored;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Boards' rankings, live on every node: a scored round announces its board inside the scoring
 * transaction, so the announcement goes out only if the score commits; each node then reloads the
 * board's top, with the places of everyone there who follows it, once, and hands it to each of them.
 */
@Component
public class LeaderboardFeed {

    static final LiveTopic<Board> TOPIC = LiveTopic.of("leaderboard", Board::toString);
    /** Any board changed: the list of boards may have grown. One key, since a page follows all boards. */
    static final LiveTopic<String> BOARDS = LiveTopic.of("leaderboards", all -> all);
    private static final String ALL = "all";

    private final LivePublisher publisher;
    private final ReloadingFeed<Board, BoardRanking> rankings;
    /** Per board, who on this node looks at it now: each follower's viewer, as it is at the reload. */
    private final Map<Board, Map<Object, Supplier<@Nullable Long>>> viewers = new ConcurrentHashMap<>();
    private final ReloadingFeed<String, List<BoardSummary>> boards;

    LeaderboardFeed(LeaderboardService leaderboards, LivePublisher publisher, LiveListener listener) {
        this.publisher = publisher;
        this.rankings = listener.feed(TOPIC, board -> leaderboards.ranking(board, viewersOf(board)));
        this.boards = listener.feed(BOARDS, all -> leaderboards.boards());
    }

    /** Hands {@code listener} every board with a score after any score lands, until closed. */
    public Subscription followBoards(Consumer<List<BoardSummary>> listener) {
        return boards.follow(ALL, listener);
    }

    /**
     * Hands {@code listener} the board's ranking after every change to it, until closed, with the place
     * of the player {@code viewer} names at that moment (none: nobody's).
     */
    public Subscription follow(Board board, Supplier<@Nullable Long> viewer, Consumer<BoardRanking> listener) {
        Object follower = new Object();
        viewers.computeIfAbsent(board, any -> new ConcurrentHashMap<>()).put(follower, viewer);
        Subscription following = rankings.follow(board, listener);
        return () -> {
            following.close();
            viewers.computeIfPresent(board, (any, lookers) -> {
                lookers.remove(follower);
                return lookers.isEmpty() ? null : lookers;
            });
        };
    }

    private Set<Long> viewersOf(Board board) {
        Set<Long> ids = new HashSet<>();
        viewers.getOrDefault(board, Map.of()).values().forEach(viewer -> {
            Long id = viewer.get();
            if (id != null) {
                ids.add(id);
            }
        });
        return ids;
    }

    @EventListener
    void on(RoundScored scored) {
        publisher.publish(TOPIC, scored.board(), scored.roundId());
        publisher.publish(BOARDS, ALL, scored.roundId());
    }
}
