package org.adversarialarena.competition.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.Map;
import org.adversarialarena.account.AccountRole;
import org.adversarialarena.competition.Competition;
import org.adversarialarena.competition.CompetitionRefusedException;
import org.adversarialarena.competition.CompetitionService;
import org.adversarialarena.quota.LimitReachedException;

/**
 * Competitions for everyone: the public ones under way or to come, entry to a private one by its code,
 * and for instructors the ones they host and the way to host another.
 */
@Route(CompetitionPaths.LIST)
@AnonymousAllowed
class CompetitionsView extends VerticalLayout implements HasDynamicTitle {

    private final CompetitionService competitions;
    final Grid<Competition> listed = new Grid<>();
    final Grid<Competition> hosted = new Grid<>();
    final TextField code = new TextField();
    final Button enterCode = new Button();

    CompetitionsView(CompetitionService competitions, AuthenticationContext authentication) {
        this.competitions = competitions;
        setId("competitions-view");
        configure(listed, "competitions-listed");
        code.setLabel(getTranslation("competition.list.code"));
        code.setId("competition-code");
        enterCode.setText(getTranslation("competition.list.open-code"));
        enterCode.setId("competition-open-code");
        enterCode.addClickListener(click -> openCode());
        add(new H2(getTranslation("competition.list.title")), new Paragraph(getTranslation("competition.list.text")),
                listed, new HorizontalLayout(code, enterCode));
        listed.setItems(competitions.listed());
        if (authentication.hasAnyRole(AccountRole.ADMIN.name(), AccountRole.INSTRUCTOR.name())) {
            Button host = new Button(getTranslation("competition.list.host"),
                    click -> getUI().ifPresent(ui -> ui.navigate(CompetitionPaths.NEW)));
            host.setId("competition-host-new");
            host.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            configure(hosted, "competitions-hosted");
            hosted.addColumn(c -> c.joinCode() == null ? getTranslation("competition.public") : c.joinCode())
                    .setHeader(getTranslation("competition.list.entry"));
            hosted.setItems(competitions.hosted());
            add(new H3(getTranslation("competition.list.hosted")), host, hosted);
        }
    }

    private void configure(Grid<Competition> grid, String id) {
        grid.setId(id);
        grid.addComponentColumn(c -> new Anchor(CompetitionPaths.ONE + "/" + c.id(), c.settings().title()))
                .setHeader(getTranslation("competition.title")).setFlexGrow(3);
        grid.addColumn(c -> Notices.time(c.settings().startsAt())).setHeader(getTranslation("competition.starts"));
        grid.addColumn(c -> Notices.time(c.settings().endsAt())).setHeader(getTranslation("competition.ends"));
        grid.addColumn(c -> c.settings().modelName()).setHeader(getTranslation("competition.target"));
        grid.setAllRowsVisible(true);
    }

    void openCode() {
        try {
            long id = competitions.byCode(code.getValue());
            getUI().ifPresent(ui -> ui.navigate(CompetitionPaths.ONE + "/" + id,
                    new QueryParameters(Map.of("code", java.util.List.of(code.getValue().strip())))));
        } catch (CompetitionRefusedException e) {
            Notices.refused(this, e);
        } catch (LimitReachedException e) {
            Notices.refused(this, CompetitionRefusedException.invalid("competition.refused.rate", e.getMessage()));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("competition.list.title") + " · " + getTranslation("app.name");
    }
}
