package org.adversarialarena.leaderboard.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.adversarialarena.base.ui.ArenaSection;
import org.adversarialarena.base.ui.SectionPage;
import org.adversarialarena.base.ui.UiUpdates;
import org.adversarialarena.leaderboard.BoardSummary;
import org.adversarialarena.leaderboard.LeaderboardFeed;
import org.adversarialarena.leaderboard.LeaderboardService;
import org.adversarialarena.player.ui.PlayerGate;
import org.adversarialarena.round.Board;
import org.jspecify.annotations.Nullable;

/**
 * Every board that has been played, most recently active first, each with its live top 20. A board
 * played for the first time while the page is open appears live; the visitor's own rows are marked
 * once the browser is recognised as a player (nobody is asked for a nickname here).
 */
@AnonymousAllowed
@Route("leaderboards")
class LeaderboardsView extends SectionPage {

    private final LeaderboardPanels panels;
    private final PlayerGate gate;
    final Paragraph none = new Paragraph();
    final Div grid = new Div();
    final Map<Board, LeaderboardPanel> shown = new HashMap<>();
    private @Nullable Long playerId;

    LeaderboardsView(LeaderboardService leaderboards, LeaderboardPanels panels, LeaderboardFeed feed, PlayerGate gate) {
        super(ArenaSection.LEADERBOARDS);
        this.panels = panels;
        this.gate = gate;
        add(new Paragraph(getTranslation("leaderboards.text")));
        none.setText(getTranslation("leaderboards.none"));
        none.setId("leaderboards-none");
        grid.addClassName("arena-leaderboard-grid");
        grid.setId("leaderboards-grid");
        add(none, grid);
        show(leaderboards.boards());
        new UiUpdates<List<BoardSummary>>(this, this::show).follow(feed::followBoards);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        gate.recognised(player -> {
            playerId = player.getId();
            shown.values().forEach(panel -> panel.setPlayer(playerId));
        });
    }

    /** Adds a panel for each board not shown yet, in the service's order; shown panels update themselves. */
    private void show(List<BoardSummary> boards) {
        for (BoardSummary summary : boards) {
            shown.computeIfAbsent(summary.board(), board -> {
                LeaderboardPanel panel = panels.forBoard(board);
                panel.setPlayer(playerId);
                grid.add(panel);
                return panel;
            });
        }
        none.setVisible(shown.isEmpty());
    }
}
