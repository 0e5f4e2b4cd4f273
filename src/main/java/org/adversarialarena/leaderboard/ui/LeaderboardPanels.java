package org.adversarialarena.leaderboard.ui;

import org.adversarialarena.leaderboard.LeaderboardService;
import org.adversarialarena.leaderboard.LeaderboardBroadcaster;
import com.vaadin.flow.spring.annotation.SpringComponent;
import org.adversarialarena.round.Board;

/** Makes live leaderboard panels for the games' views. */
@SpringComponent
public class LeaderboardPanels {

    private final LeaderboardService leaderboards;
    private final LeaderboardBroadcaster broadcaster;

    LeaderboardPanels(LeaderboardService leaderboards, LeaderboardBroadcaster broadcaster) {
        this.leaderboards = leaderboards;
        this.broadcaster = broadcaster;
    }

    public LeaderboardPanel forBoard(Board board) {
        return new LeaderboardPanel(leaderboards, broadcaster, board);
    }
}
