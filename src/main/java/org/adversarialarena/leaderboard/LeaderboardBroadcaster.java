package org.adversarialarena.leaderboard;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import org.adversarialarena.base.ui.LiveFeed;
import org.adversarialarena.round.Board;
import org.adversarialarena.round.RoundScored;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Sends a board's new ranking to everyone watching it once a score is committed (never before: a
 * rolled-back submission must not flash on anyone's screen).
 */
@Component
public class LeaderboardBroadcaster {

    private final LeaderboardService leaderboards;
    private final LiveFeed<Board, List<Standing>> feed = new LiveFeed<>();

    LeaderboardBroadcaster(LeaderboardService leaderboards) {
        this.leaderboards = leaderboards;
    }

    public Registration subscribe(Board board, UI ui, SerializableConsumer<List<Standing>> listener) {
        return feed.subscribe(board, ui, listener);
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW, readOnly = true)
    void afterCommit(RoundScored scored) {
        if (feed.hasSubscribers(scored.board())) {
            feed.publish(scored.board(), leaderboards.top(scored.board()));
        }
    }
}
