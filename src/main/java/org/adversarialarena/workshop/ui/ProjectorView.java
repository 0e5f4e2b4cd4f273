package org.adversarialarena.workshop.ui;

import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import org.adversarialarena.account.AccountProperties;
import org.adversarialarena.base.ui.UiUpdates;
import org.adversarialarena.fool.MachineComparison;
import org.adversarialarena.workshop.Phase;
import org.adversarialarena.workshop.Reveal;
import org.adversarialarena.workshop.RunState;
import org.adversarialarena.workshop.WorkshopRefusedException;
import org.adversarialarena.workshop.WorkshopService;

/**
 * What the class sees on the big screen, with no controls on it: the lobby (code, QR, who joined),
 * during a round its title, the countdown and "n of m submitted", then the reveal and the ranking
 * the workshop shows, and the podium at the end. It follows the run live. Only the run's owner (or an
 * admin) opens it, on the machine that drives the projector.
 */
@Route(value = WorkshopPaths.PROJECTOR, autoLayout = false)
@RolesAllowed({"INSTRUCTOR", "ADMIN"})
class ProjectorView extends Div implements HasUrlParameter<Long>, HasDynamicTitle {

    private final WorkshopService workshops;
    private final MachineComparison machine;
    private final Clock clock;
    final H1 name = new H1();
    final LobbyPanel lobby;
    final Div round = new Div();
    final H2 roundTitle = new H2();
    final Countdown countdown = new Countdown();
    final Paragraph submitted = new Paragraph();
    final RevealPanel reveal = new RevealPanel();
    final StandingsPanel standings = new StandingsPanel("workshop-projector-standings");
    final Paragraph end = new Paragraph();
    private final UiUpdates<RunState> updates = new UiUpdates<>(this, this::show);
    private long runId;
    private int revealed = -1;
    private boolean detectiveLearning;

    ProjectorView(WorkshopService workshops, MachineComparison machine, AccountProperties accounts, Clock clock) {
        this.workshops = workshops;
        this.machine = machine;
        this.clock = clock;
        this.lobby = new LobbyPanel(accounts);
        setId("workshop-projector");
        addClassName("workshop-projector");
        submitted.setId("workshop-submitted");
        submitted.addClassName("workshop-big");
        countdown.setId("workshop-countdown");
        round.add(roundTitle, countdown, submitted);
        end.setId("workshop-end");
        add(name, lobby, round, reveal, standings, end);
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        try {
            RunState state = workshops.hostState(id);
            runId = id;
            show(state);
            updates.follow(listener -> workshops.follow(id, listener));
        } catch (WorkshopRefusedException e) {
            Texts.refused(this, e);
            event.forwardTo(WorkshopsView.class);
        }
    }

    void show(RunState run) {
        name.setText(run.name());
        Phase phase = run.phase();
        lobby.setVisible(phase == Phase.LOBBY);
        lobby.show(run);
        round.setVisible(phase.inRound());
        roundTitle.setText(Texts.roundTitle(this, run));
        countdown.show(run, clock.instant());
        submitted.setText(getTranslation("workshop.submitted", run.submittedCount(), run.activeSeats().size()));
        boolean revealing = phase == Phase.CLOSED;
        reveal.setVisible(revealing);
        if (revealing && (revealed != run.roundIndex() || detectiveLearning)) {
            revealed = run.roundIndex();
            Reveal shown = workshops.reveal(runId, run.roundIndex());
            // A Forge round's reveal is drawn again once the class detective's training at the close is stored.
            detectiveLearning = shown.forge() != null && shown.forge().lossCurve() == null;
            reveal.show(shown, machine, workshops.sharedChallenge(runId, run.roundIndex()),
                    command -> getUI().ifPresent(ui -> ui.access(command::run)));
        }
        standings.setVisible(revealing && run.leaderboard().afterRounds() || phase == Phase.FINISHED && run.leaderboard().atEnd());
        standings.show(run);
        end.setVisible(phase == Phase.FINISHED);
        end.setText(getTranslation("workshop.end.thanks"));
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        reveal.stopMachine();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("workshop.projector.title") + " · " + getTranslation("app.name");
    }
}
