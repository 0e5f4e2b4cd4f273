package org.adversarialarena.judge.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.OptionalDouble;
import java.util.function.Supplier;
import org.adversarialarena.base.Refusal;
import org.adversarialarena.base.ui.ArenaSection;
import org.adversarialarena.base.ui.PixelImage;
import org.adversarialarena.base.ui.SectionPage;
import org.adversarialarena.judge.JudgeMode;
import org.adversarialarena.judge.JudgeResult;
import org.adversarialarena.judge.JudgeService;
import org.adversarialarena.judge.Reveal;
import org.adversarialarena.judge.ShownImage;
import org.adversarialarena.leaderboard.ui.LeaderboardPanel;
import org.adversarialarena.leaderboard.ui.LeaderboardPanels;
import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.player.Player;
import org.adversarialarena.player.ui.PlayerGate;
import org.adversarialarena.quota.LimitReachedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Judge: the player is the discriminator. Real or fake, by click, tap or key (R or ←, F or →; N or
 * Enter for the next image); after each answer the truth, the generator and the detective's verdict;
 * the ranking of generators by HYPE∞ beside our Fréchet distance, and the board of the sharpest
 * judges. The page's state lives in a {@link JudgePlay}; this view asks the service and renders it.
 */
@AnonymousAllowed
@Route("judge")
class JudgeView extends SectionPage {

    private static final Logger log = LoggerFactory.getLogger(JudgeView.class);
    private static final DatasetId FIRST_DATASET = DatasetId.MNIST;
    private static final JudgeMode FIRST_MODE = JudgeMode.UNTIMED;

    private final JudgeService judge;
    private final PlayerGate gate;
    final JudgePlay play = new JudgePlay(FIRST_DATASET, FIRST_MODE);
    private long sessionId = -1;

    final Select<DatasetId> dataset = new Select<>();
    final Select<JudgeMode> mode = new Select<>();
    final IntegerField perKind = new IntegerField();
    final Button start = new Button();
    final Span progress = new Span();
    final PixelImage image = new PixelImage();
    final Button real = new Button();
    final Button fake = new Button();
    final Button next = new Button();
    final Paragraph reveal = new Paragraph();
    final Paragraph result = new Paragraph();
    final Paragraph message = new Paragraph();
    final GeneratorRanking ranking = new GeneratorRanking();
    final LeaderboardPanel leaderboard;

    JudgeView(JudgeService judge, PlayerGate gate, LeaderboardPanels leaderboards) {
        super(ArenaSection.JUDGE);
        this.judge = judge;
        this.gate = gate;
        this.leaderboard = leaderboards.forBoard(JudgeService.board(FIRST_DATASET, FIRST_MODE));
        leaderboard.setId("judge-leaderboard");
        add(new Paragraph(getTranslation("judge.text")), new Paragraph(getTranslation("judge.how")), choices(),
                message, playArea(), result, ranking, leaderboard);
        showChoice();
    }

    private Div choices() {
        dataset.setId("judge-dataset");
        dataset.setLabel(getTranslation("judge.dataset"));
        dataset.setItems(DatasetId.values());
        dataset.setItemLabelGenerator(id -> getTranslation("dataset." + id.slug()));
        dataset.setValue(FIRST_DATASET);
        mode.setId("judge-mode");
        mode.setLabel(getTranslation("judge.mode"));
        mode.setItems(JudgeMode.values());
        mode.setItemLabelGenerator(choice -> getTranslation("judge.mode." + choice.slug()));
        mode.setValue(FIRST_MODE);
        perKind.setId("judge-per-kind");
        perKind.setLabel(getTranslation("judge.per-kind"));
        perKind.setMin(judge.minPerKind());
        perKind.setMax(judge.maxPerKind());
        perKind.setStepButtonsVisible(true);
        perKind.setValue(judge.defaultPerKind());
        perKind.setHelperText(getTranslation("judge.per-kind.help", judge.minPerKind(), judge.maxPerKind()));
        start.setId("judge-start");
        start.setText(getTranslation("judge.start"));
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.addClickListener(click -> gate.whenJoined(this::startSession));
        dataset.addValueChangeListener(change -> showChoice());
        mode.addValueChangeListener(change -> showChoice());
        mode.setWidth("18em");
        Div choices = new Div(dataset, mode, perKind, start);
        choices.addClassName("judge-choices");
        choices.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("align-items", "baseline")
                .set("gap", "var(--lumo-space-m)");
        return choices;
    }

    private Div playArea() {
        progress.setId("judge-progress");
        image.setId("judge-image");
        image.setDisplaySize("224px");
        real.setId("judge-real");
        real.setText(getTranslation("judge.real"));
        real.getElement().setAttribute("aria-keyshortcuts", "R ArrowLeft");
        real.addClickListener(click -> answer(false));
        fake.setId("judge-fake");
        fake.setText(getTranslation("judge.fake"));
        fake.getElement().setAttribute("aria-keyshortcuts", "F ArrowRight");
        fake.addClickListener(click -> answer(true));
        next.setId("judge-next");
        next.setText(getTranslation("judge.next"));
        next.getElement().setAttribute("aria-keyshortcuts", "N Enter");
        next.addClickListener(click -> goOn());
        // The keys belong to the page, not to the buttons, which are hidden and disabled in turn; the play
        // state refuses a key that means nothing now, so Enter on a focused button cannot act twice.
        onKeys(() -> answer(false), Key.KEY_R, Key.ARROW_LEFT);
        onKeys(() -> answer(true), Key.KEY_F, Key.ARROW_RIGHT);
        onKeys(this::goOn, Key.KEY_N, Key.ENTER);
        reveal.setId("judge-reveal");
        reveal.getElement().setAttribute("aria-live", "polite");
        result.setId("judge-result");
        result.getElement().setAttribute("aria-live", "polite");
        message.setId("judge-message");
        message.addClassName("judge-message");
        message.getElement().setAttribute("role", "alert");
        Div buttons = new Div(real, fake, next);
        buttons.addClassName("judge-buttons");
        buttons.getStyle().set("display", "flex").set("gap", "var(--lumo-space-s)");
        Div area = new Div(progress, image, buttons, reveal);
        area.setId("judge-play");
        area.addClassName("judge-play");
        area.getStyle().set("display", "flex").set("flex-direction", "column").set("align-items", "flex-start")
                .set("gap", "var(--lumo-space-s)");
        return area;
    }

    private void onKeys(Runnable action, Key... keys) {
        for (Key key : keys) {
            Shortcuts.addShortcutListener(this, action::run, key);
        }
    }

    /** Another dataset or mode: its ranking and board; a session under way is left. */
    private void showChoice() {
        DatasetId chosen = dataset.getValue() == null ? FIRST_DATASET : dataset.getValue();
        JudgeMode chosenMode = mode.getValue() == null ? FIRST_MODE : mode.getValue();
        play.choose(chosen, chosenMode);
        leaderboard.showBoard(JudgeService.board(chosen, chosenMode));
        refreshRanking();
        render();
    }

    private void startSession(Player player) {
        Integer size = perKind.getValue();
        int asked = size == null ? judge.defaultPerKind() : size;
        run(() -> {
            ShownImage first = judge.start(player, play.dataset(), play.mode(), asked);
            sessionId = first.sessionId();
            play.started(first);
            leaderboard.setPlayer(player.getId());
            showImage(first);
            real.focus();
            return null;
        });
    }

    private void answer(boolean saysFake) {
        if (!play.canAnswer()) {
            return;
        }
        gate.current().ifPresentOrElse(player -> run(() -> {
            play.answer(() -> judge.answer(player, sessionId, play.image().orElseThrow().itemId(), saysFake));
            image.getElement().executeJs("this.style.visibility = 'visible'");
            if (play.phase() == JudgePlay.Phase.FINISHED) {
                // The board reloads with the player marked, so the new score shows without waiting for the feed.
                leaderboard.setPlayer(player.getId());
                refreshRanking();
                start.focus();
            } else {
                next.focus();
            }
            return null;
        }), () -> showError(getTranslation("judge.error.session")));
    }

    private void goOn() {
        if (!play.canGoOn()) {
            // Debug level, because a player may press N at any time; the journeys turn it on to trace a lost N.
            log.debug("Judge: next image not asked in phase {}", play.phase());
            return;
        }
        log.debug("Judge: next image asked after image {}", play.image().map(ShownImage::position).orElse(-1));
        gate.current().ifPresentOrElse(player -> run(() -> {
            play.goOn(() -> judge.next(player, sessionId));
            play.image().filter(shown -> play.phase() == JudgePlay.Phase.SHOWING).ifPresent(this::showImage);
            real.focus();
            return null;
        }), () -> showError(getTranslation("judge.error.session")));
    }

    /**
     * Shows the image; in timed mode the page hides it once its exposure has passed, counted from the
     * frame it is drawn in.
     */
    private void showImage(ShownImage shown) {
        image.setPixels(shown.pixels());
        image.setLabel(getTranslation("judge.image.label", shown.position() + 1, shown.total()));
        if (shown.exposureMs().isPresent()) {
            image.getElement().executeJs("""
                    const el = this;
                    el.style.visibility = 'visible';
                    clearTimeout(el.judgeTimer);
                    requestAnimationFrame(() => { el.judgeTimer = setTimeout(() => { el.style.visibility = 'hidden'; }, $0); });
                    """, shown.exposureMs().getAsInt());
        } else {
            image.getElement().executeJs("clearTimeout(this.judgeTimer); this.style.visibility = 'visible'");
        }
    }

    /** Runs a service call and renders; a refusal or a failure becomes the page's message. */
    private void run(Supplier<?> action) {
        message.setText("");
        try {
            action.get();
        } catch (Refusal refusal) {
            showError(getTranslation(refusal.key(), refusal.arguments()));
        } catch (LimitReachedException limit) {
            showError(getTranslation("judge.error.too-many", limit.retryAfterSeconds()));
        } catch (NoSuchElementException gone) {
            showError(getTranslation("judge.error.session"));
        } catch (RuntimeException e) {
            log.error("Judge failed", e);
            showError(getTranslation("judge.error.failed"));
        }
        render();
    }

    private void showError(String text) {
        message.setText(text);
        message.setVisible(true);
        message.getElement().executeJs("this.scrollIntoView({block: 'nearest'})");
    }

    private void render() {
        JudgePlay.Phase phase = play.phase();
        real.setEnabled(play.canAnswer());
        fake.setEnabled(play.canAnswer());
        // Next is shown exactly when it can act, so it is never disabled: a button's enabled state travels
        // as a script, which Flow holds while the button is hidden and then sends with a return channel,
        // an extra round trip after every answer (docs/accessibility.md).
        next.setVisible(play.canGoOn());
        image.setVisible(phase != JudgePlay.Phase.CHOOSING);
        message.setVisible(!message.getText().isEmpty());
        progress.setText(play.image().filter(shown -> phase != JudgePlay.Phase.CHOOSING)
                .map(shown -> getTranslation(shown.warmUp() ? "judge.progress.warm-up" : "judge.progress",
                        shown.position() + 1, shown.total(), play.correct(), play.answered())
                        + shown.exposureMs().stream().mapToObj(ms -> " · " + getTranslation("judge.progress.exposure", ms))
                                .findFirst().orElse(""))
                .orElse(""));
        reveal.setText(phase == JudgePlay.Phase.CHOOSING ? "" : play.reveal().map(this::describe).orElse(""));
        result.setText(play.result().filter(done -> phase == JudgePlay.Phase.FINISHED).map(this::describe).orElse(""));
    }

    private String describe(Reveal shown) {
        String verdict = getTranslation(shown.correct() ? "judge.reveal.right" : "judge.reveal.wrong");
        String className = getTranslation("dataset." + play.dataset().slug() + ".class." + shown.classIndex());
        String truth = shown.real() ? getTranslation("judge.reveal.real", className)
                : shown.generatorName().isEmpty() ? getTranslation("judge.reveal.warm-up-fake")
                        : getTranslation("judge.reveal.fake",
                                GeneratorRanking.nameOf(this, shown.generatorId(), shown.generatorName()), className);
        String detective = getTranslation(shown.detectiveAgrees() ? "judge.reveal.detective-agrees"
                : "judge.reveal.detective-disagrees", percent(shown.detectiveReal()), shown.detectiveVersion());
        String counted = shown.counted() ? "" : " " + getTranslation("judge.reveal.not-counted");
        return verdict + " " + truth + " " + detective + counted;
    }

    private String describe(JudgeResult done) {
        String threshold = done.thresholdMs().isPresent()
                ? " " + getTranslation("judge.result.threshold", Math.round(done.thresholdMs().getAsDouble()))
                : "";
        String qualified = done.qualified() ? getTranslation("judge.result.points", done.points())
                : getTranslation("judge.result.not-qualified");
        return getTranslation("judge.result", percentOrDash(done.rates().accuracy()),
                percentOrDash(done.rates().sensitivity()), percentOrDash(done.rates().specificity())) + threshold + " "
                + qualified;
    }

    private void refreshRanking() {
        try {
            ranking.show(judge.ranking(play.dataset()));
        } catch (RuntimeException e) {
            log.error("Judge ranking failed", e);
            showError(getTranslation("judge.error.ranking"));
        }
    }

    private static String percent(double share) {
        return Long.toString(Math.round(100 * share));
    }

    private String percentOrDash(OptionalDouble share) {
        return share.isPresent() ? String.format(Locale.ROOT, "%d %%", Math.round(100 * share.getAsDouble())) : "—";
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        gate.current().ifPresent(player -> leaderboard.setPlayer(player.getId()));
    }
}
