package org.adversarialarena.forge.ui;

import org.adversarialarena.forge.ForgeService;
import org.adversarialarena.forge.LiveVerdict;
import org.adversarialarena.forge.Submission;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import java.time.Clock;
import java.util.List;
import java.util.stream.IntStream;
import org.adversarialarena.base.ui.ArenaSection;
import org.adversarialarena.base.ui.ClassBars;
import org.adversarialarena.base.ui.PixelCanvas;
import org.adversarialarena.base.ui.PixelImage;
import org.adversarialarena.base.ui.SectionPage;
import org.adversarialarena.leaderboard.ui.LeaderboardPanel;
import org.adversarialarena.leaderboard.ui.LeaderboardPanels;
import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.ml.detective.DetectiveStats;
import org.adversarialarena.ml.detective.NearDuplicateException;
import org.adversarialarena.ml.image.ImagePixels;
import org.adversarialarena.ml.image.InvalidImageException;
import org.adversarialarena.player.Player;
import org.adversarialarena.player.ui.PlayerGate;
import org.adversarialarena.round.TooManySubmissionsException;
import org.jspecify.annotations.Nullable;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * Forge: the player forges an image of the prompted class, from a blank canvas or from the
 * generator's sample, while the live detective and the classifier judge every stroke; a submission
 * is scored by the server and ranked on the prompt's leaderboard.
 */
@AnonymousAllowed
@Route("forge")
class ForgeView extends SectionPage {

    private static final int GALLERY_SIZE = 8;

    private final ForgeService forge;
    private final PlayerGate gate;

    final Select<DatasetId> dataset = new Select<>();
    final Select<Integer> prompt = new Select<>();
    final H3 promptTitle = new H3();
    final PixelCanvas canvas = new PixelCanvas();
    final GeneratorControls generator;
    final Span realVerdict = new Span();
    final ProgressBar realBar = new ProgressBar(0, 1);
    final Span classVerdict = new Span();
    final ClassBars classBars = new ClassBars();
    final PixelImage saliency = new PixelImage();
    final Button submit = new Button();
    final Paragraph message = new Paragraph();
    final DetectiveStatusPanel detective = new DetectiveStatusPanel();
    final ForgeryGallery gallery = new ForgeryGallery();
    final LeaderboardPanel leaderboard;
    private int judgements;
    private long judgedByVersion;
    private @Nullable Registration detectiveSubscription;

    ForgeView(ForgeService forge, PlayerGate gate, LeaderboardPanels leaderboards, Clock clock) {
        super(ArenaSection.FORGE);
        this.forge = forge;
        this.gate = gate;
        this.generator = new GeneratorControls(forge.steering(), this::drawGenerated);
        this.leaderboard = leaderboards.forBoard(ForgeService.board(DatasetId.MNIST, 7));
        leaderboard.setId("forge-leaderboard");

        dataset.setId("forge-dataset");
        dataset.setLabel(getTranslation("forge.dataset"));
        dataset.setItems(DatasetId.values());
        dataset.setItemLabelGenerator(id -> getTranslation("dataset." + id.slug()));
        prompt.setId("forge-prompt");
        prompt.setLabel(getTranslation("forge.prompt"));
        prompt.setItemLabelGenerator(this::className);
        promptTitle.setId("forge-prompt-title");

        canvas.setId("forge-canvas");
        canvas.addImageChangeListener(change -> {
            judge(change.pixels());
            // Names the browser report this verdict answers, so the browser can time its round trip.
            realVerdict.getElement().setAttribute("data-seq", String.valueOf(change.sequence()));
        });
        realVerdict.setId("forge-real");
        realBar.setId("forge-real-bar");
        classVerdict.setId("forge-class");
        classBars.setId("forge-class-bars");
        saliency.setId("forge-saliency");
        saliency.setPalette(PixelImage.Palette.HEAT);
        saliency.setDisplaySize("168px");
        saliency.setLabel(getTranslation("forge.saliency"));
        submit.setText(getTranslation("forge.submit"));
        submit.setId("forge-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickListener(click -> gate.whenJoined(this::submit));
        message.setId("forge-message");
        message.addClassName("forge-message");

        dataset.setValue(DatasetId.MNIST);
        choosePrompts(DatasetId.MNIST, 7);
        dataset.addValueChangeListener(change -> {
            if (change.getValue() != null) {
                choosePrompts(change.getValue(), 0);
            }
        });
        prompt.addValueChangeListener(change -> {
            if (change.getValue() != null) {
                startOver();
            }
        });

        FinalVerdictPanel finalVerdict = new FinalVerdictPanel(forge, clock, this::currentDataset, this::className);
        add(new Paragraph(getTranslation("forge.text")), new Div(dataset, prompt), promptTitle, playArea(),
                explanations(), gallery, finalVerdict);
        startOver();
    }

    private Div playArea() {
        Div drawing = new Div(canvas, generator);
        drawing.addClassName("forge-drawing");
        Div verdicts = new Div(new H4(getTranslation("forge.verdicts")), realVerdict, realBar, classVerdict, classBars,
                new Span(getTranslation("forge.saliency")), saliency, submit, message);
        verdicts.addClassName("forge-verdicts");
        Div side = new Div(detective, leaderboard);
        side.addClassName("forge-side");
        Div area = new Div(drawing, verdicts, side);
        area.addClassName("forge-play");
        return area;
    }

    private Details explanations() {
        Div text = new Div(new Paragraph(getTranslation("forge.explain.game")),
                new Paragraph(getTranslation("forge.explain.nash")),
                new Paragraph(getTranslation("forge.explain.saliency")));
        Details details = new Details(getTranslation("forge.explain.title"), text);
        details.setId("forge-explanations");
        details.setOpened(true);
        return details;
    }

    private void choosePrompts(DatasetId chosen, int first) {
        prompt.setItems(IntStream.range(0, chosen.classCount()).boxed().toList());
        prompt.setValue(first);
    }

    private DatasetId currentDataset() {
        DatasetId value = dataset.getValue();
        return value == null ? DatasetId.MNIST : value;
    }

    private int currentPrompt() {
        Integer value = prompt.getValue();
        return value == null ? 0 : value;
    }

    private String className(int classIndex) {
        return getTranslation("dataset." + currentDataset().slug() + ".class." + classIndex);
    }

    private List<String> classNames() {
        return IntStream.range(0, currentDataset().classCount()).mapToObj(this::className).toList();
    }

    /** A new dataset or prompt: blank canvas, fresh generator, that prompt's board, the dataset's detective. */
    private void startOver() {
        DatasetId chosen = currentDataset();
        int classIndex = currentPrompt();
        promptTitle.setText(getTranslation("forge.prompt.title", className(classIndex)));
        classBars.setLabels(classNames());
        classBars.setTrueClass(classIndex);
        generator.reset();
        canvas.setImage(ImagePixels.blank());
        message.setText("");
        leaderboard.showBoard(ForgeService.board(chosen, classIndex));
        detective.show(forge.detectiveStatus(chosen));
        gallery.show(forge.gallery(chosen, GALLERY_SIZE), classNames());
        judge(ImagePixels.blank());
        getUI().ifPresent(ui -> followDetective());
    }

    private void drawGenerated(float[] latent) {
        float[] image = forge.generate(currentDataset(), currentPrompt(), latent);
        canvas.setImage(image);
        judge(image);
    }

    /** Both verdicts and the detective's saliency, recomputed by the server for what the canvas shows now. */
    private void judge(float[] pixels) {
        DatasetId chosen = currentDataset();
        int classIndex = currentPrompt();
        LiveVerdict verdict = forge.judge(chosen, classIndex, pixels);
        judgedByVersion = verdict.detectiveVersion();
        realVerdict.setText(getTranslation("forge.verdict.real", DetectiveStatusPanel.percent(verdict.realProbability()),
                verdict.detectiveVersion()));
        realBar.setValue(verdict.realProbability());
        classVerdict.setText(getTranslation("forge.verdict.class",
                DetectiveStatusPanel.percent(verdict.classProbability(classIndex)), className(classIndex)));
        classBars.setValues(verdict.classProbabilities());
        saliency.setPixels(forge.saliency(chosen, classIndex, pixels));
        // A counter the browser can watch: the text alone may not change between two strokes.
        realVerdict.getElement().setAttribute("data-judgements", String.valueOf(++judgements));
    }

    private void submit(Player player) {
        DatasetId chosen = currentDataset();
        int classIndex = currentPrompt();
        try {
            Submission submission = forge.submit(player, chosen, classIndex, canvas.getImage());
            var score = submission.score();
            message.setText(score.classifierAgrees()
                    ? getTranslation("forge.submitted", score.points(), DetectiveStatusPanel.percent(score.realProbability()),
                            submission.detectiveVersion())
                    : getTranslation("forge.submitted.not-counted", className(classIndex),
                            DetectiveStatusPanel.percent(score.realProbability())));
            message.removeClassName("forge-error");
            leaderboard.setPlayer(player.getId());
            gallery.show(forge.gallery(chosen, GALLERY_SIZE), classNames());
        } catch (NearDuplicateException e) {
            error(getTranslation("forge.error.duplicate"));
        } catch (TooManySubmissionsException e) {
            error(getTranslation("forge.error.too-fast", e.retryAfterSeconds()));
        } catch (InvalidImageException e) {
            error(getTranslation("forge.error.invalid", e.getMessage()));
        }
    }

    private void error(String text) {
        message.setText(text);
        message.addClassName("forge-error");
    }

    private void followDetective() {
        if (detectiveSubscription != null) {
            detectiveSubscription.remove();
        }
        getUI().ifPresent(ui -> detectiveSubscription = forge.followDetective(currentDataset(), ui, this::detectiveChanged));
    }

    /** The detective saw a forgery or learned: its panel changes, and a new version judges the canvas again. */
    private void detectiveChanged(DetectiveStats stats) {
        detective.show(stats);
        if (stats.dataset() == currentDataset() && stats.version() != judgedByVersion) {
            judge(canvas.getImage());
        }
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        followDetective();
        gate.current().ifPresent(player -> leaderboard.setPlayer(player.getId()));
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (detectiveSubscription != null) {
            detectiveSubscription.remove();
            detectiveSubscription = null;
        }
    }
}
