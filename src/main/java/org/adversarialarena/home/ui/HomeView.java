package org.adversarialarena.home.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.adversarialarena.base.ui.ArenaSection;
import org.adversarialarena.base.ui.SectionPage;

/** Says in a few sentences what the games are. */
@AnonymousAllowed
@Route("")
class HomeView extends SectionPage {

    HomeView() {
        super(ArenaSection.HOME);
        add(new Paragraph(getTranslation("home.intro")));
        Div cards = new Div();
        cards.addClassName("arena-game-cards");
        for (ArenaSection game : ArenaSection.values()) {
            if (game != ArenaSection.HOME) {
                cards.add(card(game));
            }
        }
        add(cards);
    }

    private Div card(ArenaSection game) {
        // The title is a link, so the cards reach their games by keyboard as well as through the drawer.
        Anchor title = new Anchor(game.path(), getTranslation("home." + game.id() + ".title"));
        title.setId("home-card-" + game.id());
        Div card = new Div(new H3(title),
                new Paragraph(getTranslation("home." + game.id() + ".text")));
        card.addClassName("arena-game-card");
        return card;
    }
}
