package org.adversarialarena.leaderboard.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;
import org.adversarialarena.base.ui.ArenaSection;
import org.adversarialarena.base.ui.SectionPage;
import org.adversarialarena.leaderboard.BoardSummary;
import org.adversarialarena.leaderboard.LeaderboardService;

/** Every board that has been played, most recently active first, each with its live top 20. */
@AnonymousAllowed
@Route("leaderboards")
class LeaderboardsView extends SectionPage {

    LeaderboardsView(LeaderboardService leaderboards, LeaderboardPanels panels) {
        super(ArenaSection.LEADERBOARDS);
        add(new Paragraph(getTranslation("leaderboards.text")));
        List<BoardSummary> boards = leaderboards.boards();
        if (boards.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("leaderboards.none"));
            none.setId("leaderboards-none");
            add(none);
            return;
        }
        Div grid = new Div();
        grid.addClassName("arena-leaderboard-grid");
        for (BoardSummary summary : boards) {
            grid.add(panels.forBoard(summary.board()));
        }
        add(grid);
    }
}
