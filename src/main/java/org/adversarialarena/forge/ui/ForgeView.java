package org.adversarialarena.forge.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.time.Clock;
import java.util.function.BooleanSupplier;
import org.adversarialarena.base.ui.ArenaSection;
import org.adversarialarena.base.ui.BrowserReceipt;
import org.adversarialarena.base.ui.PixelCanvas;
import org.adversarialarena.base.ui.SectionPage;
import org.adversarialarena.base.ui.SessionKey;
import org.adversarialarena.base.ui.UiUpdates;
import org.adversarialarena.forge.ForgeService;
import org.adversarialarena.forge.GeneratedSample;
import org.adversarialarena.forge.GeneratorStanding;
import org.adversarialarena.forge.LiveVerdict;
import org.adversarialarena.leaderboard.ui.LeaderboardPanel;
import org.adversarialarena.leaderboard.ui.LeaderboardPanels;
import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.ml.detective.DetectiveStats;
import org.adversarialarena.ml.image.ImagePixels;
import org.adversarialarena.player.Player;
import org.adversarialarena.player.ui.PlayerGate;
import org.adversarialarena.quota.LiveJudgingLimiter;
import org.adversarialarena.round.ui.UnseenResultsNotice;

/**
 * Forge: the player forges an image of the prompted class, from a blank canvas or from the
 * generator's sample, while the live detective and the classifier judge every stroke; a submission
 * is scored by the server and ranked on the prompt's leaderboard. The page's state lives in a
 * {@link ForgeSession}; this view asks the service, hands the answers to the session and renders it.
 */
@AnonymousAllowed
@Route("forge")
class ForgeView extends SectionPage {

    private static final int GALLERY_SIZE = 8;
    private static final DatasetId FIRST_DATASET = DatasetId.MNIST;
    private static final int FIRST_PROMPT = 7;

    private final ForgeService forge;
    private final PlayerGate gate;
    private final BooleanSupplier judgementAllowed;
    final ForgeSession session = new ForgeSession(FIRST_DATASET, FIRST_PROMPT);

    final PromptPicker picker = new PromptPicker(FIRST_DATASET, FIRST_PROMPT, this::startOver);
    final H3 promptTitle = new H3();
    final PixelCanvas canvas = new PixelCanvas();
    final GeneratorControls generator;
    final VerdictPanel verdicts = new VerdictPanel(this::saliencyShown);
    final Button submit = new Button();
    final OutcomeMessage message = new OutcomeMessage();
    final DetectiveStatusPanel detective = new DetectiveStatusPanel();
    final ForgeryGallery gallery = new ForgeryGallery();
    final LeaderboardPanel leaderboard;
    final Paragraph generatorStanding = new Paragraph();
    private final UiUpdates<DetectiveStats> detectiveUpdates = new UiUpdates<>(this, this::detectiveChanged);

    ForgeView(ForgeService forge, PlayerGate gate, LeaderboardPanels leaderboards, Clock clock,
            LiveJudgingLimiter judging) {
        super(ArenaSection.FORGE);
        this.forge = forge;
        this.gate = gate;
        this.judgementAllowed = judging.forSession(SessionKey.current());
        this.generator = new GeneratorControls(forge.steering(), this::drawGenerated);
        this.leaderboard = leaderboards.forBoard(ForgeService.board(FIRST_DATASET, FIRST_PROMPT));
        leaderboard.setId("forge-leaderboard");

        promptTitle.setId("forge-prompt-title");
        canvas.setId("forge-canvas");
        canvas.addImageChangeListener(change -> {
            if (judgementAllowed.getAsBoolean()) {
                showNewImage(change.pixels());
            } else {
                session.imageChangedUnjudged();
                render();
                verdicts.tooFast();
            }
            verdicts.answers(change.sequence());
        });
        submit.setText(getTranslation("forge.submit"));
        submit.setId("forge-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickListener(click -> gate.whenJoined(this::submit));

        FinalVerdictPanel finalVerdict = new FinalVerdictPanel(forge, clock, session::dataset, picker::className);
        add(new Paragraph(getTranslation("forge.text")), picker, promptTitle, playArea(),
                explanations(), gallery, finalVerdict);
        startOver();
    }

    private Div playArea() {
        generatorStanding.setId("forge-generator-standing");
        generatorStanding.addClassName("fool-note");
        Div drawing = new Div(canvas, generator, generatorStanding);
        drawing.addClassName("forge-drawing");
        verdicts.add(submit, message);
        Div side = new Div(detective, leaderboard);
        side.addClassName("forge-side");
        Div area = new Div(drawing, verdicts, side);
        area.addClassName("forge-play");
        return area;
    }

    private Details explanations() {
        Div text = new Div(new Paragraph(getTranslation("forge.explain.judged-like")),
                new Paragraph(getTranslation("forge.explain.game")),
                new Paragraph(getTranslation("forge.explain.nash")),
                new Paragraph(getTranslation("forge.explain.saliency")));
        Details details = new Details(getTranslation("forge.explain.title"), text);
        details.setId("forge-explanations");
        details.setOpened(true);
        return details;
    }

    /** A new dataset or prompt: blank canvas, fresh generator, that prompt's board, the dataset's detective. */
    private void startOver() {
        DatasetId chosen = picker.chosenDataset();
        session.choose(chosen, picker.chosenPrompt());
        promptTitle.setText(getTranslation("forge.prompt.title", picker.className(session.prompt())));
        verdicts.setClasses(picker.classNames(), session.prompt());
        generator.reset();
        canvas.setImage(ImagePixels.blank());
        leaderboard.showBoard(ForgeService.board(chosen, session.prompt()));
        detective.show(forge.detectiveStatus(chosen));
        gallery.show(forge.gallery(chosen, GALLERY_SIZE), picker.classNames());
        showNewImage(ImagePixels.blank());
        showGeneratorStanding();
        followDetective();
    }

    /** Where the generator's own samples stand against the 0.5 line of the equilibrium text. */
    private void showGeneratorStanding() {
        GeneratorStanding standing = forge.generatorStanding(session.dataset(), session.prompt());
        generatorStanding.setText(getTranslation("forge.generator.standing", standing.samples(),
                DetectiveStatusPanel.percent(standing.meanRealProbability()), standing.atLeastHalf(),
                standing.detectiveVersion()));
    }

    private void drawGenerated(float[] latent) {
        GeneratedSample sample = forge.generate(session.dataset(), session.prompt(), latent, session.saliencyShown());
        canvas.setImage(sample.pixels());
        showNewVerdict(sample.verdict());
    }

    /** The canvas changed: one call judges it. */
    private void showNewImage(float[] pixels) {
        showNewVerdict(judge(pixels));
    }

    /** The verdict on a new image replaces any earlier result, which no longer describes the canvas. */
    private void showNewVerdict(LiveVerdict verdict) {
        session.imageJudged(verdict);
        render();
    }

    /** The canvas did not change, but its verdict is out of date or the saliency was asked for. */
    private void judgeAgain() {
        float[] pixels = canvas.getImage();
        session.rejudged(session.verdictOfCanvas()
                .map(earlier -> forge.judgeAgain(session.dataset(), session.prompt(), pixels, earlier,
                        session.saliencyShown()))
                .orElseGet(() -> judge(pixels)));
        render();
    }

    private LiveVerdict judge(float[] pixels) {
        return forge.judge(session.dataset(), session.prompt(), pixels, session.saliencyShown());
    }

    private void saliencyShown(boolean shown) {
        session.showSaliency(shown);
        if (shown) {
            judgeAgain();
        }
    }

    private void render() {
        session.verdict().ifPresent(verdict -> verdicts.show(verdict, session.judgements()));
        message.show(session.outcome(), picker.className(session.prompt()));
    }

    private void submit(Player player) {
        SubmissionOutcome outcome;
        try {
            outcome = session.submit(
                    () -> forge.submit(player, session.dataset(), session.prompt(), canvas.getImage()));
        } finally {
            // Also after a failure (which the page's error handler reports): no earlier result stays on screen.
            render();
        }
        if (outcome instanceof SubmissionOutcome.Scored scored) {
            long forgeryId = scored.submission().forgeryId();
            BrowserReceipt.then(message, () -> forge.resultShown(forgeryId, player.getId()));
            leaderboard.setPlayer(player.getId());
            gallery.show(forge.gallery(session.dataset(), GALLERY_SIZE), picker.classNames());
        }
    }

    private void followDetective() {
        DatasetId followed = session.dataset();
        detectiveUpdates.follow(listener -> forge.followDetective(followed, listener));
    }

    /** The detective saw a forgery or learned: its panel changes, and a new version judges the canvas again. */
    private void detectiveChanged(DetectiveStats stats) {
        detective.show(stats);
        if (session.isOutdatedBy(stats)) {
            judgeAgain();
            showGeneratorStanding();
        }
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        gate.current().ifPresent(player -> leaderboard.setPlayer(player.getId()));
        gate.recognised(player -> UnseenResultsNotice.show(forge.takeUnseenResults(player.getId())));
    }
}
