package org.adversarialarena.fool.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Route;
import java.util.Locale;
import java.util.stream.IntStream;
import org.adversarialarena.base.ui.ArenaSection;
import org.adversarialarena.base.ui.ClassBars;
import org.adversarialarena.base.ui.PixelCanvas;
import org.adversarialarena.base.ui.SectionPage;
import org.adversarialarena.fool.AttemptOutcome;
import org.adversarialarena.fool.BudgetKind;
import org.adversarialarena.fool.Challenge;
import org.adversarialarena.fool.FoolLevel;
import org.adversarialarena.fool.FoolService;
import org.adversarialarena.fool.MachineAttempt;
import org.adversarialarena.fool.MachineComparison;
import org.adversarialarena.fool.Probe;
import org.adversarialarena.fool.Verdict;
import org.adversarialarena.leaderboard.ui.LeaderboardPanel;
import org.adversarialarena.leaderboard.ui.LeaderboardPanels;
import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.ml.image.ImagePixels;
import org.adversarialarena.player.ui.PlayerGate;
import org.jspecify.annotations.Nullable;

/**
 * The Fool game: pick a dataset and a level, edit the challenge image within the budget while the
 * visible model's probabilities follow every stroke, submit (the server judges and scores), and then
 * see how the machine's attacks did on the same image. The game's state lives in {@link FoolSession};
 * this page forwards clicks to it and renders what it reports.
 */
@Route("fool")
class FoolView extends SectionPage implements FoolSession.Listener {

    private final FoolService fool;
    private final PlayerGate gate;
    final FoolSession session;

    final Select<DatasetId> datasetChoice = new Select<>();
    final Select<FoolLevel> levelChoice = new Select<>();
    private final Paragraph explanation = new Paragraph();
    final Paragraph goal = new Paragraph();
    final PixelCanvas canvas = new PixelCanvas();
    final ClassBars bars = new ClassBars();
    private final BudgetMeters meters = new BudgetMeters();
    private final H3 barsTitle = new H3();
    final Paragraph status = new Paragraph();
    private final Paragraph detectorStatus = new Paragraph();
    final Paragraph result = new Paragraph();
    final Button submit = new Button();
    final Button reset = new Button();
    final Button hint = new Button();
    final Button giveUp = new Button();
    final Button next = new Button();
    final Button askHidden = new Button();
    final ComparisonPanel comparison = new ComparisonPanel();
    private final GalleryPanel gallery = new GalleryPanel();
    private final LinearToyPanel linearToy = new LinearToyPanel();
    private final LeaderboardPanel leaderboard;

    FoolView(FoolService fool, MachineComparison machine, PlayerGate gate, LeaderboardPanels leaderboards) {
        super(ArenaSection.FOOL);
        this.fool = fool;
        this.gate = gate;
        this.session = new FoolSession(fool, machine, this,
                command -> getUI().ifPresent(ui -> ui.access(command::run)));
        addClassName("fool-page");

        datasetChoice.setId("fool-dataset");
        datasetChoice.setLabel(getTranslation("fool.dataset"));
        datasetChoice.setItems(DatasetId.values());
        datasetChoice.setItemLabelGenerator(d -> getTranslation("dataset." + d.slug()));
        datasetChoice.setValue(session.dataset());

        levelChoice.setId("fool-level");
        levelChoice.setLabel(getTranslation("fool.level"));
        levelChoice.setItems(FoolLevel.values());
        levelChoice.setValue(session.level());
        refreshLevelLabels();

        leaderboard = leaderboards.forBoard(FoolService.board(session.level(), session.dataset()));
        leaderboard.setId("fool-leaderboard");

        explanation.setId("fool-level-explanation");
        explanation.addClassName("fool-explanation");
        goal.setId("fool-goal");
        goal.addClassName("fool-goal");
        canvas.setId("fool-canvas");
        canvas.setBrushSize(0.5);
        bars.setId("fool-bars");
        status.setId("fool-status");
        detectorStatus.setId("fool-detector");
        detectorStatus.setVisible(false);
        result.setId("fool-result");
        result.addClassName("fool-result");
        result.setVisible(false);

        button(submit, "fool-submit", "fool.submit", () -> session.submit(canvas.getImage()))
                .addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        button(reset, "fool-reset", "fool.reset", session::reset);
        button(hint, "fool-hint", "fool.hint", () -> session.toggleHint(canvas.getImage()));
        button(giveUp, "fool-give-up", "fool.give-up", session::giveUp).addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        button(next, "fool-next", "fool.next", session::next);
        button(askHidden, "fool-ask-hidden", "fool.ask-hidden", () -> session.askHidden(canvas.getImage()));

        datasetChoice.addValueChangeListener(change -> {
            refreshLevelLabels();
            choose();
        });
        levelChoice.addValueChangeListener(change -> {
            if (change.getValue() != null) {
                choose();
            }
        });
        canvas.addImageChangeListener(change -> session.stroke(change.pixels(), change.sequence()));

        Div choices = new Div(datasetChoice, levelChoice);
        choices.addClassName("fool-choices");
        Div actions = new Div(submit, reset, hint, askHidden, giveUp, next);
        actions.addClassName("fool-actions");
        Div board = new Div(canvas, actions);
        board.addClassName("fool-board");
        Div feedback = new Div(barsTitle, bars, status, detectorStatus, meters, result);
        feedback.addClassName("fool-feedback");
        Div play = new Div(board, feedback, leaderboard);
        play.addClassName("fool-play");
        add(new Paragraph(getTranslation("fool.text")), choices, explanation, goal, play, comparison, linearToy, gallery);
        showLevel();
        controlsChanged(session.controls());
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        gate.whenJoined(joined -> {
            leaderboard.setPlayer(joined.getId());
            session.join(joined);
        });
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        session.leave();
    }

    private void choose() {
        FoolLevel level = levelChoice.getValue() == null ? session.level() : levelChoice.getValue();
        DatasetId dataset = datasetChoice.getValue() == null ? session.dataset() : datasetChoice.getValue();
        leaderboard.showBoard(FoolService.board(level, dataset));
        session.choose(level, dataset);
        showLevel();
    }

    private void refreshLevelLabels() {
        DatasetId dataset = datasetChoice.getValue() == null ? session.dataset() : datasetChoice.getValue();
        levelChoice.setItemLabelGenerator(level -> getTranslation("fool.level.label", level.number(),
                getTranslation(level.titleKey()))
                + (fool.isAvailable(level, dataset) ? "" : " · " + getTranslation("fool.unavailable")));
    }

    private void showLevel() {
        FoolLevel level = session.level();
        explanation.setText(getTranslation(level.explanationKey()));
        hint.setVisible(level.offersSaliencyHint());
        askHidden.setVisible(level.hiddenModel());
        barsTitle.setText(getTranslation(level.hiddenModel() ? "fool.model-says.practice" : "fool.model-says"));
        gallery.show(fool.gallery(level, session.dataset()), this::className);
    }

    @Override
    public void started(Challenge challenge, Probe probe) {
        clearAftermath();
        DatasetId dataset = challenge.dataset();
        bars.setLabels(IntStream.range(0, dataset.classCount()).mapToObj(this::className).toList());
        bars.setTrueClass(challenge.trueClass());
        bars.setTargetClass(challenge.targetClass());
        float[] original = challenge.original();
        canvas.setImage(original);
        canvas.setLimits(original, challenge.budget().lowerBounds(original), challenge.budget().upperBounds(original),
                challenge.budget().maxChangedPixels());
        canvas.setReadOnly(false);
        String truth = className(challenge.trueClass());
        String budget = challenge.budget().display();
        goal.setText(challenge.targeted()
                ? getTranslation("fool.goal.targeted", truth, className(challenge.targetClass()), budget)
                : getTranslation("fool.goal.untargeted", truth, budget));
        probed(probe, 0);
    }

    @Override
    public void unavailable(FoolLevel level) {
        clearAftermath();
        goal.setText(getTranslation(level.guardedByDetector() ? "fool.unavailable.detector" : "fool.unavailable.model"));
        canvas.clearLimits();
        canvas.setImage(ImagePixels.blank());
        canvas.setReadOnly(true);
        status.setText("");
        detectorStatus.setVisible(false);
    }

    @Override
    public void imageShown(float[] image) {
        canvas.setImage(image);
    }

    @Override
    public void probed(Probe probe, long sequence) {
        bars.setValues(probe.probabilities());
        // The browser test measures the stroke-to-bars round trip by waiting for this number.
        bars.getElement().setAttribute("data-seq", String.valueOf(sequence));
        meters.show(probe.use());
        FoolLevel level = session.level();
        String says = getTranslation("fool.status.says", className(probe.predictedClass()),
                percent(probe.probabilities()[probe.predictedClass()]));
        status.setText(probe.fooled() && !level.hiddenModel() ? says + " " + getTranslation("fool.status.fooled") : says);
        status.getElement().getClassList().set("fool-good", probe.fooled());
        detectorStatus.setVisible(level.guardedByDetector());
        if (level.guardedByDetector()) {
            detectorStatus.setText(getTranslation(probe.flagged() ? "fool.detector.flagged" : "fool.detector.clean",
                    String.format(Locale.ROOT, "%.0f", 100 * probe.detectorScore())));
            detectorStatus.getElement().getClassList().set("fool-bad", probe.flagged());
        }
    }

    @Override
    public void hintShown(float @Nullable [] overlay) {
        canvas.setOverlay(overlay);
    }

    @Override
    public void submitted(AttemptOutcome outcome) {
        Verdict verdict = outcome.verdict();
        String says = className(verdict.predictedClass());
        String text;
        if (verdict.success()) {
            text = getTranslation("fool.result.success", says, percent(verdict.confidence()),
                    String.format(Locale.ROOT, "%.1f", outcome.points()));
        } else if (verdict.flagged()) {
            text = getTranslation("fool.result.flagged");
        } else {
            text = getTranslation("fool.result.failure", says, percent(verdict.confidence()));
        }
        showResult(text, verdict.success(), !verdict.success());
        bars.setValues(outcome.probabilities());
        leaderboard.refresh();
        gallery.show(fool.gallery(outcome.challenge().level(), outcome.challenge().dataset()), this::className);
    }

    @Override
    public void gaveUp() {
        showResult(getTranslation("fool.result.given-up"), false, false);
    }

    @Override
    public void hiddenAnswered(int label, int left) {
        Notification.show(getTranslation("fool.hidden.answer", className(label), left));
    }

    @Override
    public void refused(String key, Object... arguments) {
        Notification notification = Notification.show(getTranslation(key, arguments), 5000, Notification.Position.MIDDLE);
        notification.addThemeVariants(NotificationVariant.LUMO_WARNING);
    }

    @Override
    public void comparisonStarted(Challenge challenge, @Nullable AttemptOutcome outcome) {
        comparison.begin(challenge.level(), challenge.budget());
        if (outcome != null) {
            Verdict verdict = outcome.verdict();
            comparison.addPlayer(outcome.difference(), verdict.success(), verdict.flagged(), outcome.use().withinBudget(),
                    className(verdict.predictedClass()), outcome.use().change(),
                    session.nickname());
        }
        linearToy.setVisible(challenge.level().budgetKind() == BudgetKind.LINF);
        linearToy.show(challenge.budget().limit());
    }

    @Override
    public void machineAttempted(MachineAttempt attempt) {
        comparison.addMachine(attempt, this::className);
    }

    @Override
    public void machineAnswered(MachineAttempt attempt, Probe probe) {
        canvas.setImage(attempt.adversarial());
        probed(probe, 0);
        result.setText(getTranslation("fool.result.machine-answer", attempt.attack(), className(attempt.predictedClass())));
    }

    @Override
    public void comparisonFinished() {
        comparison.finished();
    }

    @Override
    public void controlsChanged(FoolControls controls) {
        submit.setEnabled(controls.play());
        reset.setEnabled(controls.play());
        giveUp.setEnabled(controls.play());
        hint.setEnabled(controls.hint());
        askHidden.setEnabled(controls.askHidden());
        askHidden.setText(getTranslation("fool.ask-hidden", controls.hiddenLeft()));
        next.setEnabled(controls.next());
        canvas.setReadOnly(!controls.play());
    }

    private void clearAftermath() {
        comparison.hide();
        result.setVisible(false);
        linearToy.setVisible(false);
        canvas.setOverlay(null);
    }

    private void showResult(String text, boolean success, boolean failure) {
        result.setText(text);
        result.getElement().getClassList().set("fool-success", success);
        result.getElement().getClassList().set("fool-failure", failure);
        result.setVisible(true);
    }

    private Button button(Button button, String id, String key, Runnable action) {
        button.setId(id);
        button.setText(getTranslation(key, 0));
        button.addClickListener(click -> action.run());
        return button;
    }

    private String className(int classIndex) {
        return getTranslation("dataset." + session.classesOf().slug() + ".class." + classIndex);
    }

    private static String percent(float probability) {
        return String.format(Locale.ROOT, "%.1f", 100 * probability);
    }
}
