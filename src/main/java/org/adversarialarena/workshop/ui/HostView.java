package org.adversarialarena.workshop.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import org.adversarialarena.base.ui.UiUpdates;
import org.adversarialarena.workshop.Phase;
import org.adversarialarena.workshop.RunState;
import org.adversarialarena.workshop.SeatState;
import org.adversarialarena.workshop.WorkshopRefusedException;
import org.adversarialarena.workshop.WorkshopService;
import org.jspecify.annotations.Nullable;

/**
 * The host's console, on the instructor's laptop or phone: start the next round, pause, resume, add
 * time, end the round early, end the workshop; who has joined and submitted, kick or ban; export and
 * publish at the end. It follows the run live like the other screens. Only the run's owner (or an
 * admin) gets it: the service checks every action.
 */
@Route(WorkshopPaths.HOST)
@RolesAllowed({"INSTRUCTOR", "ADMIN"})
class HostView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    static final Duration EXTENSION = Duration.ofSeconds(30);

    private final WorkshopService workshops;
    private final Clock clock;
    final H2 name = new H2();
    final Paragraph code = new Paragraph();
    final Paragraph status = new Paragraph();
    final Countdown countdown = new Countdown();
    final Paragraph submitted = new Paragraph();
    final Button next = new Button();
    final Button pause = new Button();
    final Button resume = new Button();
    final Button extend = new Button();
    final Button endRound = new Button();
    final Button finish = new Button();
    final Button publish = new Button();
    final Grid<SeatState> seats = new Grid<>();
    private final Grid.Column<SeatState> team;
    final StandingsPanel standings = new StandingsPanel("workshop-host-standings");
    private final Anchor projector = new Anchor();
    private final HorizontalLayout links = new HorizontalLayout();
    private final UiUpdates<RunState> updates = new UiUpdates<>(this, this::show);
    private long runId;
    private @Nullable RunState shown;

    HostView(WorkshopService workshops, Clock clock) {
        this.workshops = workshops;
        this.clock = clock;
        setId("workshop-host");
        code.setId("workshop-host-code");
        status.setId("workshop-host-status");
        submitted.setId("workshop-host-submitted");
        countdown.setId("workshop-host-countdown");
        button(next, "workshop-next", "workshop.host.next", () -> workshops.startNextRound(runId))
                .addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        button(pause, "workshop-pause", "workshop.host.pause", () -> workshops.pause(runId));
        button(resume, "workshop-resume", "workshop.host.resume", () -> workshops.resume(runId));
        button(extend, "workshop-extend", "workshop.host.extend", () -> workshops.extend(runId, EXTENSION));
        button(endRound, "workshop-end-round", "workshop.host.end-round", () -> workshops.endRound(runId));
        button(finish, "workshop-finish", "workshop.host.finish", () -> workshops.finish(runId))
                .addThemeVariants(ButtonVariant.LUMO_ERROR);
        button(publish, "workshop-publish", "workshop.host.publish", () -> Texts.warn(this,
                getTranslation("workshop.host.published", workshops.publish(runId))));
        projector.setId("workshop-open-projector");
        projector.setText(getTranslation("workshop.host.projector"));
        projector.setTarget(AnchorTarget.BLANK);
        seats.setId("workshop-seats");
        seats.addColumn(SeatState::nickname).setHeader(getTranslation("workshop.host.nickname")).setFlexGrow(2);
        seats.addColumn(seat -> seat.studentId() == null ? "" : seat.studentId())
                .setHeader(getTranslation("workshop.host.student-id"));
        seats.addColumn(seat -> getTranslation("workshop.seat." + seat.status().name().toLowerCase(Locale.ROOT)))
                .setHeader(getTranslation("workshop.host.seat"));
        team = seats.addColumn(seat -> seat.team() == null ? "" : getTranslation("workshop.team.name", seat.team()))
                .setHeader(getTranslation("workshop.host.team"));
        seats.addColumn(this::submittedMark).setHeader(getTranslation("workshop.host.submitted"));
        seats.addColumn(seat -> Texts.points(seat.points())).setHeader(getTranslation("workshop.host.points"));
        seats.addComponentColumn(this::seatActions).setFlexGrow(2);
        seats.setAllRowsVisible(true);
        FlexLayout controls = new FlexLayout(next, pause, resume, extend, endRound, finish, publish);
        controls.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        controls.addClassName("workshop-controls");
        links.add(projector);
        add(name, code, links, status, countdown, submitted, controls, standings,
                new H3(getTranslation("workshop.host.students")), seats);
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        try {
            RunState state = workshops.hostState(id);
            runId = id;
            projector.setHref(WorkshopPaths.PROJECTOR + "/" + id);
            Anchor export = new Anchor(ExportDownload.of(workshops, id), AttachmentType.DOWNLOAD,
                    getTranslation("workshop.runs.export"));
            export.setId("workshop-export");
            Anchor images = new Anchor(ExportDownload.images(workshops, id), AttachmentType.DOWNLOAD,
                    getTranslation("workshop.runs.export-images"));
            images.setId("workshop-export-images");
            links.add(export, images);
            show(state);
            updates.follow(listener -> workshops.follow(id, listener));
        } catch (WorkshopRefusedException e) {
            Texts.refused(this, e);
            event.forwardTo(WorkshopsView.class);
        }
    }

    void show(RunState run) {
        shown = run;
        Phase phase = run.phase();
        name.setText(run.name());
        code.setText(getTranslation("workshop.host.code", run.code()));
        status.setText(getTranslation("workshop.phase." + phase.name().toLowerCase(Locale.ROOT)) + " · "
                + Texts.roundTitle(this, run));
        countdown.setVisible(phase.inRound());
        countdown.show(run, clock.instant());
        submitted.setText(getTranslation("workshop.submitted", run.submittedCount(), run.activeSeats().size()));
        submitted.setVisible(phase.inRound() || phase == Phase.CLOSED);
        next.setEnabled((phase == Phase.LOBBY || phase == Phase.CLOSED) && !run.lastRound());
        next.setText(getTranslation(phase == Phase.LOBBY ? "workshop.host.start" : "workshop.host.next"));
        pause.setEnabled(phase == Phase.OPEN);
        resume.setEnabled(phase == Phase.PAUSED);
        extend.setEnabled(phase.inRound());
        endRound.setEnabled(phase.inRound());
        finish.setEnabled(phase != Phase.FINISHED);
        publish.setVisible(phase == Phase.FINISHED);
        publish.setEnabled(!run.published());
        standings.setVisible(phase == Phase.CLOSED || phase == Phase.FINISHED);
        standings.show(run);
        team.setVisible(run.teams().enabled());
        seats.setItems(run.seats());
    }

    private String submittedMark(SeatState seat) {
        RunState run = shown;
        return run != null && run.hasSubmitted(seat.id()) ? "✓" : "";
    }

    private HorizontalLayout seatActions(SeatState seat) {
        HorizontalLayout actions = new HorizontalLayout();
        if (seat.active()) {
            Button kick = new Button(getTranslation("workshop.host.kick"), click -> act(() -> workshops.kick(runId, seat.id())));
            kick.setId("workshop-kick-" + seat.id());
            Button ban = new Button(getTranslation("workshop.host.ban"), click -> act(() -> workshops.ban(runId, seat.id())));
            ban.setId("workshop-ban-" + seat.id());
            ban.addThemeVariants(ButtonVariant.LUMO_ERROR);
            actions.add(kick, ban);
        }
        return actions;
    }

    private Button button(Button button, String id, String key, Runnable action) {
        button.setId(id);
        button.setText(getTranslation(key));
        button.addClickListener(click -> act(action));
        return button;
    }

    /** Runs a host action; the screen then shows the run as it is (the live update follows too). */
    private void act(Runnable action) {
        try {
            action.run();
        } catch (WorkshopRefusedException e) {
            Texts.refused(this, e);
        }
        show(workshops.hostState(runId));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("workshop.host.title") + " · " + getTranslation("app.name");
    }
}
