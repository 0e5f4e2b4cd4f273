package org.adversarialarena.leaderboard.ui;

import com.vaadin.flow.spring.annotation.SpringComponent;
import org.adversarialarena.leaderboard.LeaderboardFeed;
import org.adversarialarena.leaderboard.LeaderboardService;
import org.adversarialarena.round.Board;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;

/** Makes live leaderboard panels for the games' views. */
@ConditionalOnWebApplication
@SpringComponent
public class LeaderboardPanels {

    private final LeaderboardService leaderboards;
    private final LeaderboardFeed feed;

    LeaderboardPanels(LeaderboardService leaderboards, LeaderboardFeed feed) {
        this.leaderboards = leaderboards;
        this.feed = feed;
    }

    public LeaderboardPanel forBoard(Board board) {
        return new LeaderboardPanel(leaderboards, feed, board);
    }
}
