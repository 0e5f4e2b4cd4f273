package org.adversarialarena.workshop.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import org.adversarialarena.workshop.Placing;

/** A ranking: the top five after a round, or the podium at the end (the first three, larger). */
class StandingsPanel extends Div {

    static final int TOP = 5;
    static final int PODIUM = 3;

    private final H3 title = new H3();
    private final Div rows = new Div();

    StandingsPanel(String id) {
        setId(id);
        addClassName("workshop-standings");
        add(title, rows);
    }

    void showTop(List<Placing> top) {
        title.setText(getTranslation("workshop.standings.top", TOP));
        fill(top, false);
    }

    void showPodium(List<Placing> podium) {
        title.setText(getTranslation("workshop.standings.podium"));
        fill(podium, true);
    }

    private void fill(List<Placing> placings, boolean podium) {
        rows.removeAll();
        for (Placing placing : placings) {
            Div row = new Div(new Span(placing.rank() + "."), new Span(placing.nickname()),
                    new Span(getTranslation("workshop.points", Texts.points(placing.points()))));
            row.addClassName(podium ? "workshop-podium-row" : "workshop-standing-row");
            row.addClassName("workshop-rank-" + placing.rank());
            rows.add(row);
        }
        if (placings.isEmpty()) {
            rows.add(new Span(getTranslation("workshop.standings.empty")));
        }
    }

    String text() {
        return rows.getChildren().map(row -> row.getElement().getTextRecursively()).reduce("", (a, b) -> a + b + "\n");
    }
}
