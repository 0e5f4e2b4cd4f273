package org.adversarialarena.competition.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Optional;
import org.adversarialarena.competition.CompetitionRefusedException;
import org.adversarialarena.competition.CompetitionSettings;
import org.adversarialarena.competition.Entrant;
import org.adversarialarena.competition.Team;
import org.adversarialarena.competition.TeamService;
import org.adversarialarena.competition.Viewing;
import org.jspecify.annotations.Nullable;

/**
 * The entrant's team on the competition page, where the host allows teams: their team with its members
 * and invite code, and leaving it; or creating one, or joining one with an invite code (which merges
 * a team into another). The rules are the service's; refusals are told.
 */
class TeamSection extends VerticalLayout {

    private final TeamService teams;
    private final Runnable reload;
    final Paragraph summary = new Paragraph();
    final TextField name = new TextField();
    final Button create = new Button();
    final TextField code = new TextField();
    final Button join = new Button();
    final Button leave = new Button();
    private final HorizontalLayout creating;
    private @Nullable Entrant entrant;

    TeamSection(TeamService teams, Runnable reload) {
        this.teams = teams;
        this.reload = reload;
        setId("competition-team");
        setPadding(false);
        summary.setId("competition-team-summary");
        name.setLabel(getTranslation("competition.team.name"));
        name.setId("competition-team-name");
        name.setMaxLength(Team.MAX_NAME_LENGTH);
        create.setText(getTranslation("competition.team.create"));
        create.setId("competition-team-create");
        create.addClickListener(click -> act(who -> teams.create(who.id(), name.getValue())));
        code.setLabel(getTranslation("competition.team.code"));
        code.setId("competition-team-code");
        join.setText(getTranslation("competition.team.join"));
        join.setId("competition-team-join");
        join.addClickListener(click -> act(who -> teams.join(who.id(), code.getValue())));
        leave.setText(getTranslation("competition.team.leave"));
        leave.setId("competition-team-leave");
        leave.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        leave.addClickListener(click -> act(who -> teams.leave(who.id())));
        creating = new HorizontalLayout(name, create);
        creating.setAlignItems(Alignment.BASELINE);
        HorizontalLayout joining = new HorizontalLayout(code, join);
        joining.setAlignItems(Alignment.BASELINE);
        add(new H3(getTranslation("competition.team.title")), summary, creating, joining, leave);
    }

    void show(Viewing now) {
        CompetitionSettings settings = now.competition().settings();
        entrant = now.entrant();
        Entrant who = entrant;
        setVisible(who != null && settings.entry().teams());
        if (who == null || !settings.entry().teams()) {
            return;
        }
        Optional<Team> team = teams.teamOf(who.id());
        summary.setText(team.map(t -> getTranslation("competition.team.yours", t.name(), String.join(", ", t.members()),
                t.inviteCode(), settings.entry().maxTeamSize()))
                .orElse(getTranslation("competition.team.none", settings.entry().maxTeamSize())));
        creating.setVisible(team.isEmpty() && !now.over());
        code.setHelperText(getTranslation(team.isPresent() ? "competition.team.merge-help" : "competition.team.join-help"));
        join.setEnabled(!now.over());
        leave.setVisible(team.isPresent() && !now.over());
    }

    long entrantId() {
        Entrant who = entrant;
        return who == null ? -1 : who.id();
    }

    private void act(java.util.function.Consumer<Entrant> action) {
        Entrant who = entrant;
        if (who == null) {
            return;
        }
        try {
            action.accept(who);
            name.clear();
            code.clear();
        } catch (CompetitionRefusedException e) {
            Notices.refused(this, e);
        }
        reload.run();
    }
}
