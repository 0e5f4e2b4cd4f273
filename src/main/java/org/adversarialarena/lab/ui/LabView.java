package org.adversarialarena.lab.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.List;
import java.util.stream.Collectors;
import org.adversarialarena.account.AccountService;
import org.adversarialarena.base.ui.ArenaSection;
import org.adversarialarena.base.ui.SectionPage;
import org.adversarialarena.jobs.RunOwner;
import org.adversarialarena.jobs.RunPace;
import org.adversarialarena.jobs.RunStatus;
import org.adversarialarena.jobs.SettingProblem;
import org.adversarialarena.jobs.StepOrder;
import org.adversarialarena.jobs.TrainingRun;
import org.adversarialarena.lab.LabService;
import org.adversarialarena.lab.LabSnapshot;
import org.adversarialarena.player.ui.PlayerGate;
import org.jspecify.annotations.Nullable;

/**
 * The Lab: choose a preset or settings, start a GAN run on the job engine and watch it learn live
 * (samples from fixed latent vectors, losses, D's verdicts against the 0.5 line, class coverage, FID),
 * steer it (pause, resume, slow motion, one D or one G step, stop), fork it from a checkpoint, compare
 * it with another run and, as an instructor, promote it. State lives in {@link LabSession}.
 */
@AnonymousAllowed
@Route("lab")
class LabView extends SectionPage implements LabSession.Listener {

    private final PlayerGate gate;
    private final AuthenticationContext authentication;
    private final AccountService accounts;
    final LabSession session;

    final SettingsForm settings = new SettingsForm();
    final Button start = new Button();
    final Button startHeld = new Button();
    final Button pause = new Button();
    final Button resume = new Button();
    final Button slow = new Button();
    final Button stepDiscriminator = new Button();
    final Button stepGenerator = new Button();
    final Button stop = new Button();
    final Button fork = new Button();
    final Button promote = new Button();
    final Select<Integer> checkpoint = new Select<>();
    final Select<TrainingRun> runs = new Select<>();
    final Select<TrainingRun> comparison = new Select<>();
    final Paragraph problems = new Paragraph();
    final RunPanel current = new RunPanel("lab-run");
    final RunPanel compared = new RunPanel("lab-compare");

    LabView(LabService lab, PlayerGate gate, AuthenticationContext authentication, AccountService accounts) {
        super(ArenaSection.LAB);
        this.gate = gate;
        this.authentication = authentication;
        this.accounts = accounts;
        this.session = new LabSession(lab, this, command -> getUI().ifPresent(ui -> ui.access(command::run)));
        addClassName("lab-page");

        button(start, "lab-start", "lab.start", () -> session.start(settings.values(), RunPace.FREE))
                .addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        button(startHeld, "lab-start-held", "lab.start-held", () -> session.start(settings.values(), RunPace.HELD));
        button(pause, "lab-pause", "lab.pause", session::pause);
        button(resume, "lab-resume", "lab.resume", session::resume);
        button(slow, "lab-slow", "lab.slow", session::slowMotion);
        button(stepDiscriminator, "lab-step-d", "lab.step-d", () -> session.step(StepOrder.DISCRIMINATOR));
        button(stepGenerator, "lab-step-g", "lab.step-g", () -> session.step(StepOrder.GENERATOR));
        button(stop, "lab-stop", "lab.stop", session::stop).addThemeVariants(ButtonVariant.LUMO_ERROR);
        button(fork, "lab-fork", "lab.fork", () -> {
            if (checkpoint.getValue() != null) {
                session.fork(checkpoint.getValue(), settings.values());
            }
        });
        button(promote, "lab-promote", "lab.promote", session::promote);
        problems.setId("lab-problems");
        problems.addClassName("lab-problems");

        checkpoint.setId("lab-checkpoint");
        checkpoint.setLabel(getTranslation("lab.checkpoint"));
        checkpoint.setItemLabelGenerator(step -> getTranslation("lab.checkpoint.step", Integer.toString(step)));
        runs.setId("lab-runs");
        runs.setLabel(getTranslation("lab.runs"));
        runs.setItemLabelGenerator(this::runLabel);
        runs.addValueChangeListener(change -> {
            if (change.isFromClient() && change.getValue() != null) {
                session.open(change.getValue().id());
            }
        });
        comparison.setId("lab-compare-with");
        comparison.setLabel(getTranslation("lab.compare"));
        comparison.setEmptySelectionAllowed(true);
        comparison.setEmptySelectionCaption(getTranslation("lab.compare.none"));
        comparison.setItemLabelGenerator(run -> run == null ? getTranslation("lab.compare.none") : runLabel(run));
        comparison.addValueChangeListener(change -> {
            if (change.isFromClient()) {
                session.compare(change.getValue() == null ? null : change.getValue().id());
            }
        });

        Div starting = new Div(start, startHeld);
        starting.addClassName("lab-actions");
        Div controls = new Div(pause, resume, slow, stepDiscriminator, stepGenerator, stop);
        controls.setId("lab-controls");
        controls.addClassName("lab-actions");
        Div branching = new Div(runs, checkpoint, fork, comparison, promote);
        branching.addClassName("lab-actions");
        compared.setVisible(false);
        Div panels = new Div(current, compared);
        panels.addClassName("lab-panels");
        panels.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "1.5rem");
        current.setVisible(false);
        add(new Paragraph(getTranslation("lab.intro")), settings, starting, problems, controls, branching, panels);
        enableControls(null);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        if (session.joined()) {
            return;
        }
        if (authentication.hasAnyRole("INSTRUCTOR", "ADMIN")) {
            long account = accounts.me().id();
            session.join(RunOwner.account(account), authentication.hasRole("INSTRUCTOR") ? account : null);
        } else {
            gate.whenJoined(player -> session.join(RunOwner.player(player.getId()), null));
        }
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        session.leave();
    }

    @Override
    public void showRun(LabSnapshot run) {
        problems.setText("");
        current.setVisible(true);
        current.show(run);
        List<Integer> steps = run.checkpoints();
        Integer chosen = checkpoint.getValue();
        checkpoint.setItems(steps);
        if (chosen != null && steps.contains(chosen)) {
            checkpoint.setValue(chosen);
        } else if (!steps.isEmpty()) {
            checkpoint.setValue(steps.getFirst());
        }
        enableControls(run.run());
    }

    @Override
    public void showComparison(@Nullable LabSnapshot other) {
        compared.setVisible(other != null);
        if (other != null) {
            compared.show(other);
        }
    }

    @Override
    public void showRuns(List<TrainingRun> mine) {
        runs.setItems(mine);
        comparison.setItems(mine);
        session.current().flatMap(shown -> mine.stream().filter(run -> run.id() == shown.id()).findFirst())
                .ifPresent(runs::setValue);
    }

    @Override
    public void refused(String key, Object... arguments) {
        Notification notification = Notification.show(getTranslation(key, arguments));
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    @Override
    public void invalid(List<SettingProblem> found) {
        List<SettingProblem> unplaced = settings.show(found);
        problems.setText(getTranslation("lab.invalid") + (unplaced.isEmpty() ? "" : " " + unplaced.stream()
                .map(problem -> getTranslation(problem.key(), problem.arguments().toArray()))
                .collect(Collectors.joining(" "))));
    }

    private void enableControls(@Nullable TrainingRun run) {
        boolean live = run != null && !run.status().isFinal();
        boolean running = live && run.status() != RunStatus.PAUSED;
        pause.setEnabled(live && (run.pace() != RunPace.HELD || !running));
        resume.setEnabled(live && (run.pace() != RunPace.FREE || !running));
        slow.setEnabled(live && run.pace() != RunPace.SLOW);
        stepDiscriminator.setEnabled(live);
        stepGenerator.setEnabled(live);
        stop.setEnabled(live);
        fork.setEnabled(run != null && !checkpoint.isEmpty());
        promote.setVisible(session.canPromote());
        promote.setEnabled(run != null && run.status() == RunStatus.FINISHED && run.promotedAt() == null);
    }

    private String runLabel(TrainingRun run) {
        return getTranslation("lab.run.label", Long.toString(run.id()), getTranslation("lab.status." + run.status().name()),
                Integer.toString(run.step()), Integer.toString(run.totalSteps()));
    }

    private Button button(Button button, String id, String key, Runnable action) {
        button.setId(id);
        button.setText(getTranslation(key));
        button.addClickListener(click -> action.run());
        return button;
    }
}
