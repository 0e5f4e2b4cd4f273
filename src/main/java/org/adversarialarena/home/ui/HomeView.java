package org.adversarialarena.home.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.adversarialarena.base.ui.ArenaSection;
import org.adversarialarena.base.ui.SectionPage;

/** Says in a few sentences what the games are; each game's card leads to it. */
@AnonymousAllowed
@Route("")
class HomeView extends SectionPage {

    final Div cards = new Div();

    HomeView() {
        super(ArenaSection.HOME);
        add(new Paragraph(getTranslation("home.intro")));
        cards.addClassName("arena-game-cards");
        for (ArenaSection game : ArenaSection.values()) {
            if (game != ArenaSection.HOME) {
                cards.add(card(game));
            }
        }
        add(cards);
    }

    private Anchor card(ArenaSection game) {
        Anchor card = new Anchor(game.path());
        card.add(new H3(getTranslation("home." + game.id() + ".title")),
                new Paragraph(getTranslation("home." + game.id() + ".text")));
        card.setId("home-card-" + game.id());
        card.addClassName("arena-game-card");
        // Navigates inside the app, like the menu, instead of reloading the page.
        card.getElement().setAttribute("router-link", true);
        return card;
    }
}
