package org.adversarialarena.workshop.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import org.adversarialarena.workshop.Phase;
import org.adversarialarena.workshop.Placing;
import org.adversarialarena.workshop.RunState;
import org.adversarialarena.workshop.TeamPlacing;

/**
 * A ranking: the top five after a round, or the podium at the end (the first three, larger); in a
 * workshop with teams, the team board beside it (teams by their members' mean points).
 */
class StandingsPanel extends Div {

    static final int TOP = 5;
    static final int PODIUM = 3;

    private final H3 title = new H3();
    private final Div rows = new Div();
    private final H3 teamTitle = new H3();
    final Div teamRows = new Div();

    StandingsPanel(String id) {
        setId(id);
        addClassName("workshop-standings");
        teamRows.setId(id + "-teams");
        teamRows.addClassName("workshop-team-board");
        add(title, rows, teamTitle, teamRows);
    }

    /** The podium once the workshop has finished, else the top five; and the team board, if any. */
    void show(RunState run) {
        if (run.phase() == Phase.FINISHED) {
            showPodium(run.top(PODIUM));
        } else {
            showTop(run.top(TOP));
        }
        showTeams(run.teamStandings());
    }

    void showTop(List<Placing> top) {
        title.setText(getTranslation("workshop.standings.top", TOP));
        fill(top, false);
    }

    void showPodium(List<Placing> podium) {
        title.setText(getTranslation("workshop.standings.podium"));
        fill(podium, true);
    }

    void showTeams(List<TeamPlacing> teams) {
        teamTitle.setVisible(!teams.isEmpty());
        teamTitle.setText(getTranslation("workshop.teams.board"));
        teamRows.removeAll();
        for (TeamPlacing team : teams) {
            Div row = new Div(new Span(team.rank() + "."), new Span(getTranslation("workshop.team.name", team.team())),
                    new Span(getTranslation("workshop.teams.mean", Texts.points(team.points()))),
                    new Span(String.join(", ", team.members())));
            row.addClassName("workshop-team-row");
            row.addClassName("workshop-rank-" + team.rank());
            teamRows.add(row);
        }
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

    String teamText() {
        return teamRows.getChildren().map(row -> row.getElement().getTextRecursively()).reduce("", (a, b) -> a + b + "\n");
    }
}
