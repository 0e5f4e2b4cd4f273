package org.adversarialarena.forge.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.adversarialarena.base.ui.BrowserReceipts;
import org.adversarialarena.base.ui.BrowserRequest;
import org.adversarialarena.base.ui.CanvasOutOfSyncException;
import org.adversarialarena.base.ui.LocalFormat;
import org.adversarialarena.catalog.ModelCatalog;
import org.adversarialarena.forge.ForgeService;
import org.adversarialarena.forge.Forgery;
import org.adversarialarena.forge.Submission;
import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.ml.data.ImageSet;
import org.adversarialarena.ml.detective.DetectiveLearningMain;
import org.adversarialarena.ml.image.ImagePixels;
import org.adversarialarena.player.Player;
import org.adversarialarena.player.PlayerService;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Forge page without a browser, against the real service, networks and embedded PostgreSQL: a
 * player paints or starts from the generator, sees the verdicts and submits. Automatic training is
 * off, so the detective stays the one each test starts with.
 */
@SpringBootTest(properties = {"arena.forge.train-every=100000", "arena.submissions.min-interval=0s",
        "arena.submissions.per-minute=1000", "arena.judging.per-second=3"})
class ForgeViewIT extends SpringBrowserlessTest {

    @Autowired
    ModelCatalog models;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ForgeService forge;

    @Autowired
    PlayerService players;

    private ForgeView view;
    private PaintingCanvas canvas;

    @BeforeEach
    void openTheForge() {
        view = navigate(ForgeView.class);
        canvas = new PaintingCanvas(view.canvas);
    }

    @Test
    void aForgerWhoPaintsASevenAndJoinsIsScoredAndRankedUntilTheNextStroke() {
        String blankVerdict = view.verdicts.real.getText();

        canvas.paint(DetectiveLearningMain.blockySeven(0, 0));
        assertThat(view.verdicts.real.getText()).contains("% real").isNotEqualTo(blankVerdict);
        assertThat(view.verdicts.classVerdict.getText()).contains("% 7");
        assertThat(view.verdicts.announcer.announced()).as("what a screen reader hears after the stroke")
                .isEqualTo(view.verdicts.real.getText() + " " + view.verdicts.classVerdict.getText());
        assertThat(view.verdicts.real.getElement().getAttribute("data-seq")).isEqualTo("1");

        submitAs("painter");
        assertThat(view.message.getText()).startsWith("Scored").contains("detective (v1)");
        assertThat(view.message.hasClassName("forge-error")).isFalse();
        assertThat(forgeriesBy("painter")).isOne();
        assertThat($(ListItem.class, view.leaderboard).withClassName("arena-leaderboard-mine").single()
                .getElement().getTextRecursively())
                .contains("painter");

        canvas.paint(DetectiveLearningMain.blockySeven(1, 0));
        assertThat(view.message.getText()).as("the score was for the previous image").isEmpty();
    }

    /** Most scores change no line of a board: the panel is then left as it is, and nothing is sent to the page. */
    @Test
    void aBoardUpdateThatChangesNoLineLeavesItsRowsAsTheyAreAndTheBestStillShows() {
        canvas.paint(DetectiveLearningMain.blockySeven(0, 0));
        submitAs("steady");
        List<ListItem> rows = $(ListItem.class, view.leaderboard).all();
        assertThat(rows).anySatisfy(row -> assertThat(row.getElement().getTextRecursively()).contains("steady"));

        view.leaderboard.refresh();

        assertThat($(ListItem.class, view.leaderboard).all()).containsExactlyElementsOf(rows);
        assertThat($(com.vaadin.flow.component.html.Paragraph.class, view.leaderboard)
                .withClassName("arena-leaderboard-best").single().getText()).startsWith("Your best:").contains("rank");
    }

    /** Most submissions add nothing to the gallery: it is then left as it is, and its images are not sent again. */
    @Test
    void aGalleryOfTheSameForgeriesIsLeftAsItIsAndANewForgeryRebuildsIt() {
        List<String> names = IntStream.range(0, 10).mapToObj(Integer::toString).toList();
        view.gallery.show(List.of(fooling(2), fooling(1)), names);
        List<Div> items = galleryItems();
        assertThat(items).hasSize(2);

        view.gallery.show(List.of(fooling(2), fooling(1)), names);
        assertThat(galleryItems()).as("the same forgeries, loaded again").containsExactlyElementsOf(items);

        view.gallery.show(List.of(fooling(3), fooling(2), fooling(1)), names);
        assertThat(galleryItems()).hasSize(3).doesNotContainAnyElementsOf(items);
    }

    private List<Div> galleryItems() {
        return $(Div.class, view.gallery).withClassName("forge-gallery-item").all();
    }

    private static Forgery fooling(long id) {
        return new Forgery(id, 7, "gallery-" + id, DatasetId.MNIST, 7,
                DetectiveLearningMain.blockySeven(0, 0), 0.8, true, 50, 1, Instant.EPOCH);
    }

    /**
     * A forgery shown on the page counts as seen; one stored but never shown (a {@code kill -9} after
     * its commit, before its answer) is shown on the player's next visit, once.
     */
    @Test
    void aForgeryStoredButNeverShownIsShownOnTheNextVisitAndOnlyOnce() {
        canvas.paint(DetectiveLearningMain.blockySeven(0, 0));
        submitAs("forge-kill");
        assertThat(view.message.getText()).startsWith("Scored");
        BrowserReceipts.answer();
        Player player = players.find(jdbc.queryForObject("select id from player where nickname = 'forge-kill'",
                Long.class)).orElseThrow();
        Submission unseen = forge.submit(player, DatasetId.MNIST, 7, DetectiveLearningMain.blockySeven(2, 1));

        visitAgain();

        Notification notice = $(Notification.class).id("unseen-results");
        assertThat(textOf(notice)).contains("was stored while the server was interrupted")
                .contains(LocalFormat.decimal(Locale.ENGLISH, unseen.score().points(), 1) + " points");
        assertThat(textOf(notice).split("was stored")).as("only the forgery never shown").hasSize(2);
        notice.close();
        assertThat(jdbc.queryForObject("select count(*) from forgery where player_id = ? and shown_at is null",
                Long.class, player.getId())).isZero();

        visitAgain();
        assertThat($(Notification.class).withId("unseen-results").exists()).as("told once").isFalse();
    }

    /** Issue 24: one client put 1,500 judgements into one request. Only the latest report of a request is judged. */
    @Test
    void aFloodOfReportsInOneRequestIsJudgedOnceAndTheLatestWins() {
        long before = Long.parseLong(view.verdicts.real.getElement().getAttribute("data-judgements"));
        for (int i = 0; i < 1500; i++) {
            canvas.queue(DetectiveLearningMain.blockySeven(i % 2, 0));
        }
        BrowserRequest.answer();

        assertThat(Long.parseLong(view.verdicts.real.getElement().getAttribute("data-judgements")))
                .as("at most one judgement for the request").isLessThanOrEqualTo(before + 1);
        assertThat(view.verdicts.real.getElement().getAttribute("data-seq")).isEqualTo("1500");
        assertThat(view.canvas.getImage()).containsExactly(DetectiveLearningMain.blockySeven(1, 0));
    }

    /**
     * Issue 24: 1e39 escaped the canvas's validation as a JsonNodeException. It is dropped like any bad
     * report, the browser gets the server's image back, the player is told, and a Submit in the same
     * request judges nothing: the image it would judge is not the one the player saw.
     */
    @Test
    void aValueBeyondFloatRangeIsDroppedTheCanvasPutBackAndASubmitInTheSameRequestRefused() {
        canvas.paint(DetectiveLearningMain.blockySeven(0, 0));
        submitAs("resync");
        assertThat(forgeriesBy("resync")).isOne();
        float[] onScreen = DetectiveLearningMain.blockySeven(1, 1);
        canvas.paint(onScreen);
        UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations();

        ObjectNode hostile = JsonNodeFactory.instance.objectNode();
        ArrayNode values = hostile.putArray("event.detail.pixels");
        for (int i = 0; i < ImagePixels.COUNT; i++) {
            values.add(i == 300 ? 1e39 : 0.0);
        }
        hostile.put("event.detail.seq", 1000);
        canvas.queueRaw(hostile);
        Throwable refused = catchThrowable(() -> test(view.submit).click());

        assertThat(causes(refused)).as("Submit refused").anyMatch(CanvasOutOfSyncException.class::isInstance);
        assertThat(forgeriesBy("resync")).as("nothing judged or stored").isOne();
        assertThat(test($(Notification.class).id("canvas-dropped")).getText()).contains("could not accept");
        assertThat(UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations())
                .as("the server's image goes back to the browser")
                .anyMatch(call -> call.getInvocation().getExpression().contains("setImage"));
        assertThat(view.canvas.getImage()).containsExactly(onScreen);

        BrowserRequest.answer();
        test(view.submit).click();
        assertThat(forgeriesBy("resync")).as("the next request judges the image put back").isEqualTo(2);
    }

    private static List<Throwable> causes(@Nullable Throwable thrown) {
        List<Throwable> causes = new ArrayList<>();
        for (Throwable cause = thrown; cause != null && !causes.contains(cause); cause = cause.getCause()) {
            causes.add(cause);
        }
        return causes;
    }

    @Test
    void aForgerWhoPaintsFasterThanTheLiveJudgeFollowsIsToldAndKeepsTheEarlierVerdict() {
        int paints = 0;
        while (!view.verdicts.tooFast.isVisible() && paints < 30) {
            canvas.paint(DetectiveLearningMain.blockySeven(paints % 2, 0));
            paints++;
        }

        assertThat(view.verdicts.tooFast.isVisible()).as("a stroke went unjudged within %d strokes", paints).isTrue();
        assertThat(view.verdicts.tooFast.getText()).contains("earlier stroke");
        assertThat(view.verdicts.real.getElement().getAttribute("data-seq")).as("the stroke is answered")
                .isEqualTo(String.valueOf(paints));
        long judgements = Long.parseLong(view.verdicts.real.getElement().getAttribute("data-judgements"));
        assertThat(judgements).as("the blank canvas and fewer strokes than painted").isLessThanOrEqualTo(paints);

        canvas.paint(DetectiveLearningMain.blockySeven(0, 0));
        if (Long.parseLong(view.verdicts.real.getElement().getAttribute("data-judgements")) > judgements) {
            assertThat(view.verdicts.tooFast.isVisible()).as("a judged stroke clears the mark").isFalse();
        }
    }

    @Test
    void thePageSaysWhereTheGeneratorsOwnSamplesStandAgainstTheHalfLine() {
        assertThat(view.generatorStanding.getText()).startsWith("The generator's own samples of this class: 32 of them")
                .contains("% real on average").contains("0.5 line");
    }

    @Test
    void aBlankForgeryIsRefusedWithItsReason() {
        submitAs("blank-canvas");

        assertThat(view.message.getText()).contains("blank").contains("Nothing was stored");
        assertThat(view.message.hasClassName("forge-error")).isTrue();
        assertThat(forgeriesBy("blank-canvas")).isZero();
    }

    @Test
    void aCopyOfARealImageIsRefused() {
        ImageSet real = models.dataset(DatasetId.MNIST).train();
        int aSeven = IntStream.range(0, real.size()).filter(i -> real.label(i) == 7).findFirst()
                .orElseThrow();
        canvas.paint(real.image(aSeven));

        submitAs("copyist");

        assertThat(view.message.getText()).contains("copy of a real image");
        assertThat(view.message.hasClassName("forge-error")).isTrue();
        assertThat(forgeriesBy("copyist")).isZero();
    }

    @Test
    void startingFromTheGeneratorsSampleShowsItsVerdictAndWhereTheDetectiveLooks() {
        String judgementsBefore = view.verdicts.real.getElement().getAttribute("data-judgements");
        String blankVerdict = view.verdicts.real.getText();

        test(view.generator.shuffle).click();

        assertThat(ImagePixels.inkedCount(view.canvas.getImage())).as("the sample is on the canvas").isPositive();
        assertThat(view.verdicts.real.getText()).contains("% real").isNotEqualTo(blankVerdict);
        assertThat(view.verdicts.real.getElement().getAttribute("data-judgements")).isNotEqualTo(judgementsBefore);
        assertThat(view.verdicts.saliency.getElement().getPropertyRaw("pixels")).isNotNull();
        assertThat(view.generator.keepA.isEnabled()).isTrue();
    }

    @Test
    void aNewSampleFromTheGeneratorClearsTheScoreOfThePaintedForgery() {
        canvas.paint(DetectiveLearningMain.blockySeven(0, 1));
        submitAs("sampler");
        assertThat(view.message.getText()).startsWith("Scored");

        test(view.generator.shuffle).click();

        assertThat(view.message.getText()).isEmpty();
        assertThat(view.message.hasClassName("forge-error")).isFalse();
    }

    @Test
    void aPlayerWhoClosesTheSaliencyGetsVerdictsWithoutItAndSeesItAgainOnOpening() {
        String blankSaliency = saliencyShown();
        test(view.verdicts.saliencySection).closeDetails();

        canvas.paint(DetectiveLearningMain.blockySeven(0, 0));
        assertThat(view.verdicts.real.getText()).contains("% real");
        assertThat(saliencyShown()).as("not computed while closed").isEqualTo(blankSaliency);

        test(view.verdicts.saliencySection).openDetails();
        assertThat(saliencyShown()).as("computed for the canvas on opening").isNotEqualTo(blankSaliency);
    }

    @Test
    void anotherDatasetStartsAtItsFirstClassNamedInItsOwnWords() {
        test(view.picker.dataset).selectItem("Fashion-MNIST");

        assertThat(view.promptTitle.getText()).contains("T-shirt");
        assertThat(test(view.picker.prompt).getSuggestions()).contains("Sneaker");
        assertThat(view.verdicts.classVerdict.getText()).contains("T-shirt");
    }

    /** Clicks Submit as a visitor with no resume token in the browser, who then joins with {@code nickname}. */
    private void submitAs(String nickname) {
        test(view.submit).click();
        UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations().stream()
                .filter(call -> call.getInvocation().getExpression().contains("localStorage.getItem"))
                .forEach(call -> call.complete(NullNode.getInstance()));
        test($(TextField.class).id("nickname-field")).setValue(nickname);
        test($(Button.class).id("nickname-join")).click();
    }

    private String saliencyShown() {
        return String.valueOf(view.verdicts.saliency.getElement().getPropertyRaw("pixels"));
    }

    private long forgeriesBy(String nickname) {
        Long count = jdbc.queryForObject("select count(*) from forgery f join player p on p.id = f.player_id"
                + " where p.nickname = ?", Long.class, nickname);
        return count == null ? 0 : count;
    }

    /** The player comes back: another page, then this one again (navigating to the page it is on reuses it). */
    private void visitAgain() {
        navigate("", Component.class);
        navigate(ForgeView.class);
    }

    /** A notification made of components carries its text in them. */
    private static String textOf(Notification notification) {
        return notification.getChildren().map(child -> child.getElement().getTextRecursively())
                .collect(java.util.stream.Collectors.joining(" "));
    }
}
