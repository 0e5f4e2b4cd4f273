package org.adversarialarena.fool.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.Locale;
import org.adversarialarena.base.ui.ArenaSection;
import org.adversarialarena.base.ui.BrowserReceipt;
import org.adversarialarena.base.ui.PixelCanvas;
import org.adversarialarena.base.ui.SectionPage;
import org.adversarialarena.base.ui.SessionKey;
import org.adversarialarena.fool.AttemptOutcome;
import org.adversarialarena.fool.BudgetKind;
import org.adversarialarena.fool.Challenge;
import org.adversarialarena.fool.FoolLevel;
import org.adversarialarena.fool.FoolService;
import org.adversarialarena.fool.MachineAttempt;
import org.adversarialarena.fool.MachineComparison;
import org.adversarialarena.fool.Probe;
import org.adversarialarena.leaderboard.ui.LeaderboardPanel;
import org.adversarialarena.leaderboard.ui.LeaderboardPanels;
import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.ml.image.ImagePixels;
import org.adversarialarena.player.ui.PlayerGate;
import org.adversarialarena.quota.LiveJudgingLimiter;
import org.adversarialarena.round.ui.UnseenResultsNotice;
import org.jspecify.annotations.Nullable;

/**
 * The Fool game: pick a dataset and a level, edit the challenge image within the budget while the
 * visible model's probabilities follow every stroke, submit (the server judges and scores), and then
 * see how the machine's attacks did on the same image. The game's state lives in {@link FoolSession};
 * this page forwards clicks to it and renders what it reports.
 */
@AnonymousAllowed
@Route("fool")
class FoolView extends SectionPage implements FoolSession.Listener {

    /** Window height (CSS pixels) from which the level's rules stay open above the game. */
    private static final int TALL_WINDOW = 1000;

    private final FoolService fool;
    private final PlayerGate gate;
    final FoolSession session;

    final BoardChoice choice;
    private final Paragraph explanation = new Paragraph();
    final Details about = new Details();
    final Paragraph seen = new Paragraph();
    final Paragraph goal = new Paragraph();
    final PixelCanvas canvas = new PixelCanvas();
    final ProbeFeedback feedback = new ProbeFeedback(this::className);
    final AttemptResult result = new AttemptResult(this::className);
    final Button submit = new Button();
    final Button reset = new Button();
    final Button hint = new Button();
    final Paragraph hintLegend = new Paragraph();
    final Button giveUp = new Button();
    final Button next = new Button();
    final Button askHidden = new Button();
    final ComparisonPanel comparison = new ComparisonPanel();
    private final GalleryPanel gallery = new GalleryPanel();
    private final LinearToyPanel linearToy = new LinearToyPanel();
    private final LeaderboardPanel leaderboard;

    FoolView(FoolService fool, MachineComparison machine, PlayerGate gate, LeaderboardPanels leaderboards,
            LiveJudgingLimiter judging) {
        super(ArenaSection.FOOL);
        this.fool = fool;
        this.gate = gate;
        this.session = new FoolSession(fool, machine, this, command -> getUI().ifPresent(ui -> ui.access(command::run)),
                judging.forSession(SessionKey.current()));
        addClassName("fool-page");
        choice = new BoardChoice(session.level(), session.dataset(), fool::isAvailable, this::choose);
        leaderboard = leaderboards.forBoard(FoolService.board(session.level(), session.dataset()));
        leaderboard.setId("fool-leaderboard");
        explanation.setId("fool-level-explanation");
        explanation.addClassName("fool-explanation");
        goal.setId("fool-goal");
        goal.addClassName("fool-goal");
        canvas.setId("fool-canvas");
        canvas.setBrushSize(0.5);
        canvas.addImageChangeListener(change -> session.stroke(change.pixels(), change.sequence()));

        button(submit, "fool-submit", "fool.submit", () -> session.submit(canvas.getImage()))
                .addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        button(reset, "fool-reset", "fool.reset", session::reset);
        button(hint, "fool-hint", "fool.hint.show", () -> session.toggleHint(canvas.getImage()));
        hint.getElement().setAttribute("aria-pressed", "false");
        button(giveUp, "fool-give-up", "fool.give-up", session::giveUp).addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        button(next, "fool-next", "fool.next", session::next);
        button(askHidden, "fool-ask-hidden", "fool.ask-hidden", () -> session.askHidden(canvas.getImage()));

        Div actions = new Div(submit, reset, hint, askHidden, giveUp, next);
        actions.addClassName("fool-actions");
        hintLegend.setId("fool-hint-legend");
        hintLegend.addClassName("fool-note");
        hintLegend.setText(getTranslation("fool.hint.legend"));
        hintLegend.setVisible(false);
        Div board = new Div(canvas, actions, hintLegend);
        board.addClassName("fool-board");
        feedback.add(result);
        Div play = new Div(board, feedback, leaderboard);
        play.addClassName("fool-play");
        // The rules are long: a phone folds them away to keep the canvas, bars and status in one screen.
        about.setSummaryText(getTranslation("fool.about"));
        about.setId("fool-about");
        about.addClassName("fool-about");
        seen.setId("fool-level-seen");
        seen.addClassName("fool-note");
        about.add(new Paragraph(getTranslation("fool.text")), explanation, seen);
        add(choice, about, goal, play, comparison, linearToy, gallery);
        showLevel();
        controlsChanged(session.controls());
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        // Open where the rules fit above the canvas; on a laptop or a phone, Submit and the tools come first.
        attachEvent.getUI().getPage().retrieveExtendedClientDetails(
                client -> about.setOpened(client.getWindowInnerHeight() >= TALL_WINDOW));
        gate.whenJoined(joined -> {
            leaderboard.setPlayer(joined.getId());
            UnseenResultsNotice.show(fool.takeUnseenResults(joined.getId()));
            session.join(joined);
        });
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        session.leave();
    }

    private void choose(FoolLevel level, DatasetId dataset) {
        leaderboard.showBoard(FoolService.board(level, dataset));
        session.choose(level, dataset);
        showLevel();
    }

    private void showLevel() {
        FoolLevel level = session.level();
        explanation.setText(getTranslation(level.explanationKey()));
        seen.setText(getTranslation("fool.level." + level.slug() + ".seen") + " "
                + getTranslation("fool.level.weight", String.format(Locale.ROOT, "%.1f", level.weight())));
        hint.setVisible(level.offersSaliencyHint());
        askHidden.setVisible(level.hiddenModel());
        feedback.showLevel(level);
        gallery.show(fool.gallery(level, session.dataset()), this::className);
    }

    @Override
    public void started(Challenge challenge, Probe probe) {
        clearAftermath();
        feedback.start(challenge);
        float[] original = challenge.original();
        canvas.setImage(original);
        canvas.setLimits(original, challenge.budget().lowerBounds(original), challenge.budget().upperBounds(original),
                challenge.budget().maxChangedPixels());
        canvas.keepIn(challenge.id().toString());
        String truth = className(challenge.trueClass());
        String budget = challenge.budget().display();
        goal.setText(challenge.targeted()
                ? getTranslation("fool.goal.targeted", truth, className(challenge.targetClass()), budget)
                : getTranslation("fool.goal.untargeted", truth, budget));
        feedback.show(probe, 0);
    }

    @Override
    public void unavailable(FoolLevel level) {
        clearAftermath();
        goal.setText(getTranslation(level.guardedByDetector() ? "fool.unavailable.detector" : "fool.unavailable.model"));
        canvas.clearLimits();
        canvas.keepIn("");
        canvas.setImage(ImagePixels.blank());
        feedback.clear();
    }

    @Override
    public void imageShown(float[] image) {
        canvas.setImage(image);
    }

    @Override
    public void probed(Probe probe, long sequence) {
        feedback.show(probe, sequence);
    }

    @Override
    public void tooFast(long sequence) {
        feedback.tooFast(sequence);
    }

    @Override
    public void hintShown(float @Nullable [] overlay) {
        canvas.setOverlay(overlay);
        showHintState(overlay != null);
    }

    private void showHintState(boolean on) {
        hint.setText(getTranslation(on ? "fool.hint.hide" : "fool.hint.show"));
        hint.getElement().setAttribute("aria-pressed", String.valueOf(on));
        hintLegend.setVisible(on);
    }

    @Override
    public void submitted(AttemptOutcome outcome, Runnable seen) {
        result.submitted(outcome);
        BrowserReceipt.then(result, seen::run);
        feedback.bars.setValues(outcome.probabilities());
        feedback.closed("fool.status.submitted");
        feedback.announceResult(result.getText());
        leaderboard.refresh();
        gallery.show(fool.gallery(outcome.challenge().level(), outcome.challenge().dataset()), this::className);
    }

    @Override
    public void gaveUp() {
        result.gaveUp();
        feedback.closed("fool.status.gave-up");
        feedback.announceResult(result.getText());
    }

    @Override
    public void hiddenAnswered(int label, int left) {
        feedback.hiddenAnswered(label, left);
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
            comparison.addPlayer(outcome, className(outcome.verdict().predictedClass()), session.nickname());
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
        feedback.show(probe, 0);
        result.machineAnswered(attempt);
        feedback.announceResult(result.getText());
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
        result.hide();
        linearToy.setVisible(false);
        canvas.setOverlay(null);
        showHintState(false);
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
}
