package org.adversarialarena.leaderboard;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Route;
import org.adversarialarena.base.ui.ArenaSection;
import org.adversarialarena.base.ui.SectionPage;

/** Not built yet: says what it will be and that it is coming. */
@Route("leaderboards")
class LeaderboardsView extends SectionPage {

    LeaderboardsView() {
        super(ArenaSection.LEADERBOARDS);
        add(new Paragraph(getTranslation("leaderboards.text")), comingSoon());
    }
}
