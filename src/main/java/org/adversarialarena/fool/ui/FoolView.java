package org.adversarialarena.fool.ui;

import org.adversarialarena.fool.MachineComparison;
import org.adversarialarena.fool.Challenge;
import org.adversarialarena.fool.Verdict;
import org.adversarialarena.fool.AttemptOutcome;
import org.adversarialarena.fool.BudgetKind;
import org.adversarialarena.fool.FoolService;
import org.adversarialarena.fool.Probe;
import org.adversarialarena.fool.SubmissionRejectedException;
import org.adversarialarena.fool.FoolLevel;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
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
import java.util.concurrent.Future;
import org.adversarialarena.base.ui.ArenaSection;
import org.adversarialarena.base.ui.ClassBars;
import org.adversarialarena.base.ui.ImageChangeEvent;
import org.adversarialarena.base.ui.PixelCanvas;
import org.adversarialarena.base.ui.SectionPage;
import org.adversarialarena.leaderboard.ui.LeaderboardPanel;
import org.adversarialarena.leaderboard.ui.LeaderboardPanels;
import org.adversarialarena.ml.attack.Perturbation;
import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.player.Player;
import org.adversarialarena.player.ui.PlayerGate;
import org.adversarialarena.round.TooManySubmissionsException;
import org.jspecify.annotations.Nullable;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * The Fool game: pick a dataset and a level, edit the challenge image within the budget while the
 * visible model's probabilities follow every stroke, submit (the server judges and scores), and then
 * see how the machine's attacks did on the same image.
 */
@AnonymousAllowed
@Route("fool")
class FoolView extends SectionPage {

    private final FoolService fool;
    private final MachineComparison machine;
    private final PlayerGate gate;

    final Select<DatasetId> datasetChoice = new Select<>();
    final Select<FoolLevel> levelChoice = new Select<>();
    private final Paragraph explanation = new Paragraph();
    private final Paragraph goal = new Paragraph();
    final PixelCanvas canvas = new PixelCanvas();
    final ClassBars bars = new ClassBars();
    private final BudgetMeters meters = new BudgetMeters();
    private final H3 barsTitle = new H3();
    private final Paragraph status = new Paragraph();
    private final Paragraph detectorStatus = new Paragraph();
    private final Paragraph result = new Paragraph();
    final Button submit = new Button();
    private final Button reset = new Button();
    private final Button hint = new Button();
    private final Button giveUp = new Button();
    private final Button next = new Button();
    private final Button askHidden = new Button();
    private final ComparisonPanel comparison = new ComparisonPanel();
    private final GalleryPanel gallery = new GalleryPanel();
    private final LinearToyPanel linearToy = new LinearToyPanel();
    private final LeaderboardPanel leaderboard;

    private @Nullable Player player;
    private @Nullable Challenge challenge;
    private boolean playing;
    private boolean hintShown;
    private @Nullable Future<?> running;

    FoolView(FoolService fool, MachineComparison machine, PlayerGate gate, LeaderboardPanels leaderboards) {
        super(ArenaSection.FOOL);
        this.fool = fool;
        this.machine = machine;
        this.gate = gate;
        addClassName("fool-page");

        datasetChoice.setId("fool-dataset");
        datasetChoice.setLabel(getTranslation("fool.dataset"));
        datasetChoice.setItems(DatasetId.values());
        datasetChoice.setItemLabelGenerator(d -> getTranslation("dataset." + d.slug()));
        datasetChoice.setValue(DatasetId.MNIST);

        levelChoice.setId("fool-level");
        levelChoice.setLabel(getTranslation("fool.level"));
        levelChoice.setItems(FoolLevel.values());
        levelChoice.setValue(FoolLevel.FEW_PIXELS);
        refreshLevelLabels();

        leaderboard = leaderboards.forBoard(board());
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

        button(submit, "fool-submit", "fool.submit", this::submit).addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        button(reset, "fool-reset", "fool.reset", this::reset);
        button(hint, "fool-hint", "fool.hint", this::toggleHint);
        button(giveUp, "fool-give-up", "fool.give-up", this::giveUp).addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        button(next, "fool-next", "fool.next", this::startChallenge);
        button(askHidden, "fool-ask-hidden", "fool.ask-hidden", this::askHidden);

        datasetChoice.addValueChangeListener(change -> {
            refreshLevelLabels();
            switchBoard();
        });
        levelChoice.addValueChangeListener(change -> {
            if (change.getValue() != null) {
                switchBoard();
            }
        });
        canvas.addImageChangeListener(this::onStroke);

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
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        gate.whenJoined(joined -> {
            player = joined;
            leaderboard.setPlayer(joined.getId());
            startChallenge();
        });
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        stopComparison();
    }

    private FoolLevel level() {
        FoolLevel level = levelChoice.getValue();
        return level == null ? FoolLevel.FEW_PIXELS : level;
    }

    private DatasetId dataset() {
        DatasetId dataset = datasetChoice.getValue();
        return dataset == null ? DatasetId.MNIST : dataset;
    }

    private org.adversarialarena.round.Board board() {
        return FoolService.board(level(), dataset());
    }

    private void refreshLevelLabels() {
        DatasetId dataset = dataset();
        levelChoice.setItemLabelGenerator(level -> getTranslation("fool.level.label", level.number(),
                getTranslation(level.titleKey()))
                + (fool.isAvailable(level, dataset) ? "" : " · " + getTranslation("fool.unavailable")));
    }

    private void switchBoard() {
        leaderboard.showBoard(board());
        showLevel();
        if (player != null) {
            startChallenge();
        }
    }

    private void showLevel() {
        FoolLevel level = level();
        explanation.setText(getTranslation(level.explanationKey()));
        hint.setVisible(level.offersSaliencyHint());
        barsTitle.setText(getTranslation(level.hiddenModel() ? "fool.model-says.practice" : "fool.model-says"));
        askHidden.setVisible(level.hiddenModel());
        linearToy.setVisible(false);
        gallery.show(fool.gallery(level, dataset()), this::className);
    }

    /** A fresh image for the chosen level; the previous attempt's comparison is cancelled. */
    void startChallenge() {
        stopComparison();
        comparison.hide();
        result.setVisible(false);
        linearToy.setVisible(false);
        hintShown = false;
        canvas.setOverlay(null);
        Player current = player;
        if (current == null) {
            return;
        }
        FoolLevel level = level();
        DatasetId dataset = dataset();
        if (!fool.isAvailable(level, dataset)) {
            challenge = null;
            playing = false;
            goal.setText(getTranslation(level.guardedByDetector() ? "fool.unavailable.detector" : "fool.unavailable.model"));
            setPlayable(false);
            canvas.clearLimits();
            canvas.setImage(org.adversarialarena.ml.image.ImagePixels.blank());
            canvas.setReadOnly(true);
            status.setText("");
            detectorStatus.setVisible(false);
            return;
        }
        Challenge fresh = fool.newChallenge(current, level, dataset);
        challenge = fresh;
        playing = true;
        bars.setLabels(dataset.classNames().stream().map(name -> className(dataset, name)).toList());
        bars.setTrueClass(fresh.trueClass());
        bars.setTargetClass(fresh.targetClass());
        canvas.setImage(fresh.original());
        canvas.setLimits(fresh.original(), fresh.budget().lowerBounds(fresh.original()),
                fresh.budget().upperBounds(fresh.original()), fresh.budget().maxChangedPixels());
        canvas.setReadOnly(false);
        goal.setText(goalText(fresh));
        setPlayable(true);
        showProbe(fool.probe(fresh, fresh.original()), 0);
        showHiddenQueries(fresh.hiddenQueriesLeft());
    }

    private String goalText(Challenge current) {
        String truth = className(current.trueClass());
        String budget = current.budget().display();
        return current.targeted()
                ? getTranslation("fool.goal.targeted", truth, className(current.targetClass()), budget)
                : getTranslation("fool.goal.untargeted", truth, budget);
    }

    private void onStroke(ImageChangeEvent change) {
        Challenge current = challenge;
        if (!playing || current == null) {
            return;
        }
        showProbe(fool.probe(current, change.pixels()), change.sequence());
        if (hintShown) {
            canvas.setOverlay(fool.saliencyHint(current, change.pixels()));
        }
    }

    private void showProbe(Probe probe, long sequence) {
        bars.setValues(probe.probabilities());
        // The browser test measures the stroke-to-bars round trip by waiting for this number.
        bars.getElement().setAttribute("data-seq", String.valueOf(sequence));
        meters.show(probe.use());
        Challenge current = challenge;
        String says = getTranslation("fool.status.says", className(probe.predictedClass()),
                String.format(Locale.ROOT, "%.1f", 100 * probe.probabilities()[probe.predictedClass()]));
        boolean hidden = current != null && current.level().hiddenModel();
        status.setText(probe.fooled() && !hidden ? says + " " + getTranslation("fool.status.fooled") : says);
        status.getElement().getClassList().set("fool-good", probe.fooled());
        detectorStatus.setVisible(current != null && current.level().guardedByDetector());
        if (detectorStatus.isVisible()) {
            detectorStatus.setText(getTranslation(probe.flagged() ? "fool.detector.flagged" : "fool.detector.clean",
                    String.format(Locale.ROOT, "%.0f", 100 * probe.detectorScore())));
            detectorStatus.getElement().getClassList().set("fool-bad", probe.flagged());
        }
    }

    private void submit() {
        Challenge current = challenge;
        Player me = player;
        if (!playing || current == null || me == null) {
            return;
        }
        try {
            AttemptOutcome outcome = fool.submit(current.id(), me.getId(), canvas.getImage());
            playing = false;
            setPlayable(false);
            canvas.setReadOnly(true);
            showOutcome(outcome);
            leaderboard.refresh();
            gallery.show(fool.gallery(current.level(), current.dataset()), this::className);
            compare(current, outcome, me);
        } catch (SubmissionRejectedException e) {
            warn(getTranslation(e.reason().key(), e.arguments()));
        } catch (TooManySubmissionsException e) {
            warn(getTranslation("fool.rejected.too-soon", e.retryAfterSeconds()));
        }
    }

    private void showOutcome(AttemptOutcome outcome) {
        Verdict verdict = outcome.verdict();
        String says = className(verdict.predictedClass());
        String confidence = String.format(Locale.ROOT, "%.1f", 100 * verdict.confidence());
        String text;
        if (verdict.success()) {
            text = getTranslation("fool.result.success", says, confidence, String.format(Locale.ROOT, "%.1f", outcome.points()));
        } else if (verdict.flagged()) {
            text = getTranslation("fool.result.flagged");
        } else {
            text = getTranslation("fool.result.failure", says, confidence);
        }
        result.setText(text);
        result.getElement().getClassList().set("fool-success", verdict.success());
        result.getElement().getClassList().set("fool-failure", !verdict.success());
        result.setVisible(true);
        bars.setValues(outcome.probabilities());
    }

    private void giveUp() {
        Challenge current = challenge;
        Player me = player;
        if (!playing || current == null || me == null) {
            return;
        }
        try {
            fool.giveUp(current.id(), me.getId());
        } catch (SubmissionRejectedException e) {
            warn(getTranslation(e.reason().key(), e.arguments()));
            return;
        }
        playing = false;
        setPlayable(false);
        canvas.setReadOnly(true);
        result.setText(getTranslation("fool.result.given-up"));
        result.getElement().getClassList().set("fool-success", false);
        result.getElement().getClassList().set("fool-failure", false);
        result.setVisible(true);
        compare(current, null, me);
    }

    /** Runs the machine's attacks in the background and pushes each row as it arrives. */
    private void compare(Challenge current, @Nullable AttemptOutcome outcome, Player me) {
        comparison.begin(current.level(), current.budget());
        if (outcome != null) {
            float[] original = current.original();
            float[] difference = new float[original.length];
            for (int i = 0; i < difference.length; i++) {
                difference[i] = outcome.adversarial()[i] - original[i];
            }
            Perturbation change = outcome.use().change();
            comparison.addPlayer(difference, outcome.verdict().success(), outcome.verdict().flagged(),
                    outcome.use().withinBudget(),
                    className(outcome.verdict().predictedClass()), change, me.getNickname());
        }
        linearToy.setVisible(current.level().budgetKind() == BudgetKind.LINF);
        linearToy.show(current.budget().limit());
        UI ui = UI.getCurrent();
        boolean showMachineAnswer = outcome == null;
        boolean[] shown = {false};
        running = machine.start(current, attempt -> ui.access(() -> {
            comparison.addMachine(attempt, this::className);
            if (showMachineAnswer && !shown[0] && attempt.success()) {
                shown[0] = true;
                canvas.setImage(attempt.adversarial());
                showProbe(fool.probe(current, attempt.adversarial()), 0);
                result.setText(getTranslation("fool.result.machine-answer", attempt.attack(),
                        className(attempt.predictedClass())));
            }
        }), () -> ui.access(comparison::finished));
    }

    private void askHidden() {
        Challenge current = challenge;
        Player me = player;
        if (!playing || current == null || me == null) {
            return;
        }
        try {
            int label = fool.askHiddenModel(current.id(), me.getId(), canvas.getImage());
            int left = Math.max(0, current.hiddenQueriesLeft() - 1);
            challenge = new Challenge(current.id(), current.level(), current.dataset(), current.original(),
                    current.trueClass(), current.targetClass(), current.budget(), current.expires(), left);
            Notification.show(getTranslation("fool.hidden.answer", className(label), left));
            showHiddenQueries(left);
        } catch (SubmissionRejectedException e) {
            warn(getTranslation(e.reason().key(), e.arguments()));
        }
    }

    private void showHiddenQueries(int left) {
        askHidden.setText(getTranslation("fool.ask-hidden", left));
        askHidden.setEnabled(playing && left > 0);
    }

    private void reset() {
        Challenge current = challenge;
        if (!playing || current == null) {
            return;
        }
        canvas.setImage(current.original());
        showProbe(fool.probe(current, current.original()), 0);
        if (hintShown) {
            canvas.setOverlay(fool.saliencyHint(current, current.original()));
        }
    }

    private void toggleHint() {
        Challenge current = challenge;
        if (!playing || current == null || !current.level().offersSaliencyHint()) {
            return;
        }
        hintShown = !hintShown;
        canvas.setOverlay(hintShown ? fool.saliencyHint(current, canvas.getImage()) : null);
    }

    private void setPlayable(boolean playable) {
        submit.setEnabled(playable);
        reset.setEnabled(playable);
        hint.setEnabled(playable);
        giveUp.setEnabled(playable);
        askHidden.setEnabled(playable);
        next.setEnabled(player != null && fool.isAvailable(level(), dataset()));
    }

    private void stopComparison() {
        Future<?> previous = running;
        if (previous != null) {
            previous.cancel(true);
            running = null;
        }
    }

    private void warn(String message) {
        Notification notification = Notification.show(message, 5000, Notification.Position.MIDDLE);
        notification.addThemeVariants(NotificationVariant.LUMO_WARNING);
    }

    private Button button(Button button, String id, String key, Runnable action) {
        button.setId(id);
        button.setText(getTranslation(key, 0));
        button.addClickListener(click -> action.run());
        return button;
    }

    private String className(int classIndex) {
        DatasetId dataset = challenge == null ? dataset() : challenge.dataset();
        return className(dataset, dataset.classNames().get(classIndex));
    }

    private String className(DatasetId dataset, String englishName) {
        int index = dataset.classNames().indexOf(englishName);
        return getTranslation("dataset." + dataset.slug() + ".class." + index);
    }
}
