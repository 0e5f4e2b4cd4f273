package org.adversarialarena.fool.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.ComponentTester;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.internal.JacksonUtils;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.adversarialarena.base.ui.BrowserReceipts;
import org.adversarialarena.base.ui.BrowserRequest;
import org.adversarialarena.base.ui.PixelCanvas;
import org.adversarialarena.catalog.ModelCatalog;
import org.adversarialarena.fool.Challenge;
import org.adversarialarena.fool.FoolLevel;
import org.adversarialarena.fool.FoolService;
import org.adversarialarena.fool.GalleryItem;
import org.adversarialarena.ml.attack.AttackResult;
import org.adversarialarena.ml.attack.GradientAttack;
import org.adversarialarena.ml.attack.Jsma;
import org.adversarialarena.ml.image.ImagePixels;
import org.adversarialarena.player.ui.BrowserStorage;
import org.adversarialarena.player.ui.PlayerGate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Fool page without a browser (Vaadin's browserless testing): a student joins, paints on the
 * canvas through its real client event, clicks the page's buttons, and reads what the page shows.
 * The real service, shipped networks and embedded PostgreSQL sit underneath.
 */
@SpringBootTest
class FoolViewIT extends SpringBrowserlessTest {

    /** JSMA answers only some digits within the level's pixels (docs/fool.md); a student may take another image. */
    /** Challenge images to try before an attack that usually works is declared not to work. */
    private static final int IMAGE_TRIES = 30;

    @Autowired
    ModelCatalog models;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectProvider<PlayerGate> gate;

    @Autowired
    FoolService fool;

    @Test
    void aStudentWhoPaintsThePixelsJsmaFindsFoolsLevelOne() {
        FoolView page = join("view-ada");
        float[] adversarial = jsmaAnswerWithinTwentyPixels(page);

        paint(page, adversarial);
        assertThat(page.feedback.status.getText()).contains("Fooled: submit it!");
        assertThat(page.feedback.announcer.announced()).as("what a screen reader hears after the stroke")
                .contains("Fooled: submit it!").contains("Pixels changed (L0)").contains("of at most 20");
        assertThat(page.feedback.announcer.getElement().getAttribute("aria-live")).isEqualTo("polite");
        test(page.submit).click();

        assertThat(page.result.getText()).startsWith("Fooled!").contains("points");
        assertThat(page.feedback.announcer.announced()).isEqualTo(page.result.getText());
        assertThat(page.submit.isEnabled()).isFalse();
        assertThat(page.next.isEnabled()).isTrue();
        assertThat(jdbc.queryForObject("select success from fool_attempt where challenge_id = ?", Boolean.class,
                challengeOf(page).id())).isTrue();
    }

    @Test
    void aStudentWhoSubmitsAnExpiredChallengeIsToldWhyAndMayStillGiveUp() {
        FoolView page = join("view-bo");
        jdbc.update("update fool_challenge set expires_at = now() - interval '1 second' where id = ?",
                challengeOf(page).id());

        test(page.submit).click();

        assertThat(test($(Notification.class).last()).getText()).contains("expired").contains("30 minutes");
        assertThat(page.result.isVisible()).as("nothing was judged").isFalse();
        assertThat(jdbc.queryForObject("select count(*) from fool_attempt where challenge_id = ?", Long.class,
                challengeOf(page).id())).isZero();
    }

    @Test
    void aStudentWhoPaintsOnePixelTooManyOnLevelOneKeepsTheLastImageWithinTheBudget() {
        FoolView page = join("view-cy");
        float[] original = challengeOf(page).original();
        int[] background = IntStream.range(0, original.length).filter(i -> original[i] == 0f).limit(21).toArray();
        float[] twenty = original.clone();
        for (int i = 0; i < 20; i++) {
            twenty[background[i]] = 1f;
        }
        float[] twentyOne = twenty.clone();
        twentyOne[background[20]] = 1f;

        paint(page, twenty);
        paint(page, twentyOne);
        test(page.submit).click();

        assertThat($(Span.class).id("fool-l0").getText()).isEqualTo("Pixels changed (L0): 20 of at most 20");
        assertThat(page.result.isVisible()).isTrue();
        assertThat(jdbc.queryForObject("select l0 from fool_attempt where challenge_id = ?", Integer.class,
                challengeOf(page).id())).isEqualTo(20);
    }

    @Test
    void onTheSentinelLevelTheDetectorsVerdictFollowsEveryStroke() {
        FoolView page = join("view-di");

        test(page.choice.level).selectItem("6 · Sentinel");
        org.junit.jupiter.api.Assumptions.assumeTrue(page.session.challenge() != null, "the MNIST detector is shipped");
        paint(page, challengeOf(page).original());

        assertThat(challengeOf(page).level()).isEqualTo(FoolLevel.SENTINEL);
        com.vaadin.flow.component.html.Paragraph detector = $(com.vaadin.flow.component.html.Paragraph.class)
                .id("fool-detector");
        assertThat(detector.isVisible()).isTrue();
        assertThat(detector.getText()).startsWith("Detector: looks clean");
    }

    @Test
    void aStudentWhoGivesUpIsNoLongerInvitedToSubmitAndCannotChangeThePicture() {
        FoolView page = join("view-gu");

        test(page.giveUp).click();

        assertThat(page.feedback.status.getText()).startsWith("You gave up").doesNotContain("submit it");
        assertThat(page.feedback.status.hasClassName("fool-good")).isFalse();
        assertThat(page.canvas.getElement().getProperty("readonly", false)).as("tools hidden, Clear/Undo inert").isTrue();
        assertThat(page.submit.isEnabled()).isFalse();
        assertThat(page.next.isEnabled()).isTrue();
    }

    @Test
    void onTheTargetedLevelTheTargetIsStatedAndMarkedInTheBars() {
        FoolView page = join("view-ta");

        test(page.choice.level).selectItem("3 · Targeted");

        Challenge challenge = challengeOf(page);
        assertThat(challenge.targeted()).isTrue();
        assertThat($(Paragraph.class).id("fool-target").getText())
                .startsWith("Target: make the network say " + className(challenge.targetClass()))
                .contains("instead of " + className(challenge.trueClass()));
        assertThat(page.feedback.bars.getElement().getProperty("targetClass", -1)).isEqualTo(challenge.targetClass());
        assertThat(page.feedback.bars.getElement().getProperty("trueClass", -1)).isEqualTo(challenge.trueClass());
    }

    @Test
    void theDistanceToFoolingMovesWithEveryStrokeAndSaysByHowMuch() {
        FoolView page = join("view-dm");
        float[] original = challengeOf(page).original();
        assertThat(page.feedback.distance.getText()).startsWith("Distance to fooling (logit gap): +");
        assertThat(page.feedback.distanceChange.getText()).as("no stroke yet").isEmpty();

        float[] edited = original.clone();
        int centre = 14 * 28 + 14;
        edited[centre] = original[centre] > 0.5f ? 0f : 1f;
        paint(page, edited);

        assertThat(page.feedback.distanceChange.getText()).matches("\\([+-]\\d+\\.\\d\\d since the last stroke\\)")
                .isNotEqualTo("(+0.00 since the last stroke)");
    }

    @Test
    void onAnL0LevelThereIsNoLinfMeterAndAMeterAtItsLimitIsNoError() {
        FoolView page = join("view-lz");
        float[] original = challengeOf(page).original();
        int[] background = IntStream.range(0, original.length).filter(i -> original[i] == 0f).limit(20).toArray();
        float[] twenty = original.clone();
        for (int i : background) {
            twenty[i] = 1f;
        }

        paint(page, twenty);

        assertThat($(Span.class).id("fool-l0").getText()).isEqualTo("Pixels changed (L0): 20 of at most 20");
        assertThat(page.feedback.meters.linfMeter.isVisible()).isFalse();
        assertThat(page.feedback.meters.l0Bar.getElement().getThemeList()).doesNotContain("error");
    }

    @Test
    void theInkHintSaysWhichWayAndCanBeTurnedOff() {
        FoolView page = join("view-hi");

        test(page.hint).click();
        assertThat(page.hint.getText()).isEqualTo("Hide ink hint");
        assertThat(page.hint.getElement().getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(page.hintLegend.isVisible()).isTrue();
        assertThat(page.hintLegend.getText()).contains("Orange").contains("blue");

        test(page.hint).click();
        assertThat(page.hint.getText()).isEqualTo("Show ink hint");
        assertThat(page.hint.getElement().getAttribute("aria-pressed")).isEqualTo("false");
        assertThat(page.hintLegend.isVisible()).isFalse();
    }

    /**
     * The state a {@code kill -9} leaves when it strikes after a submission's commit but before its
     * answer: the attempt is stored, and no page ever showed its result.
     */
    @Test
    void aResultStoredButNeverShownIsShownOnTheNextVisitAndOnlyOnce() {
        FoolView page = join("view-kill");
        Challenge challenge = challengeOf(page);
        long playerId = jdbc.queryForObject("select player_id from fool_challenge where id = ?", Long.class,
                challenge.id());
        fool.submit(challenge.id(), playerId, challenge.original());

        visitAgain();

        Notification notice = $(Notification.class).id("unseen-results");
        assertThat(notice.isOpened()).isTrue();
        assertThat(textOf(notice)).contains("was stored while the server was interrupted").contains("0.0 points");
        notice.close();
        assertThat(jdbc.queryForObject("select shown_at is not null from fool_attempt where challenge_id = ?",
                Boolean.class, challenge.id())).isTrue();

        visitAgain();
        assertThat($(Notification.class).withId("unseen-results").exists()).as("told once").isFalse();
    }

    @Test
    void aResultThePageShowedIsNotShownAgain() {
        FoolView page = join("view-seen");
        test(page.submit).click();
        assertThat(page.result.isVisible()).isTrue();
        BrowserReceipts.answer();

        visitAgain();

        assertThat($(Notification.class).withId("unseen-results").exists()).isFalse();
        assertThat(jdbc.queryForObject("select shown_at is not null from fool_attempt where challenge_id = ?",
                Boolean.class, challengeOf(page).id())).isTrue();
    }

    /**
     * A result counts as seen only once the browser has it: rendered on the page but never received (the
     * node died before the answer left it) it is told on the next visit, rather than lost.
     */
    @Test
    void aResultTheBrowserNeverReceivedIsToldOnTheNextVisit() {
        FoolView page = join("view-lost");
        test(page.submit).click();
        assertThat(page.result.isVisible()).isTrue();
        assertThat(jdbc.queryForObject("select shown_at is null from fool_attempt where challenge_id = ?",
                Boolean.class, challengeOf(page).id())).as("not seen before the browser says so").isTrue();

        visitAgain();

        assertThat($(Notification.class).withId("unseen-results").exists()).isTrue();
    }

    @Test
    void aReloadedPageResumesTheOpenChallengeInsteadOfReplacingIt() {
        FoolView page = join("view-re");
        UUID before = challengeOf(page).id();

        FoolView reloaded = navigate(FoolView.class);

        assertThat(challengeOf(reloaded).id()).isEqualTo(before);
        assertThat(jdbc.queryForObject("select closed_at is null from fool_challenge where id = ?", Boolean.class, before))
                .isTrue();
    }

    @Test
    void onBlindfoldTheHiddenModelsAnswersStayInViewAndFoolingThePracticeModelEarnsNoGreen() {
        FoolView page = join("view-bf");
        test(page.choice.level).selectItem("5 · Blindfold");
        paint(page, fgsmAnswerOnThePracticeModel(page));
        assertThat(page.feedback.status.hasClassName("fool-good")).isFalse();
        assertThat(page.feedback.status.getText()).doesNotContain("submit it");

        test(page.askHidden).click();
        test(page.askHidden).click();

        assertThat(page.feedback.hiddenAnswers.getChildren().count()).isEqualTo(2);
        assertThat(page.feedback.hiddenAnswers.getElement().getTextRecursively()).contains("It says").contains("3 questions left");
    }

    @Test
    void aStudentSeesWhoTheyPlayAsAndCanLeaveThatNickname() {
        join("view-me");
        HorizontalLayout corner =
                $(HorizontalLayout.class).id("player-corner");
        assertThat(corner.isVisible()).isTrue();
        assertThat($(Span.class).id("player-you").getText()).startsWith("You are view-me (#");

        test($(Button.class).id("player-change")).click();

        assertThat(gate.getObject().current()).as("the session forgets the player").isEmpty();
    }

    /** Most submissions change no item of the gallery: it is then left as it is, and its images are not sent again. */
    @Test
    void aGalleryOfTheSameAttemptsIsLeftAsItIsAndANewBestRebuildsIt() {
        navigate(FoolView.class);
        GalleryPanel gallery = new GalleryPanel();
        gallery.show(List.of(best(5), best(4)), this::className);
        List<Div> items = galleryItems(gallery);
        assertThat(items).hasSize(2);

        gallery.show(List.of(best(5), best(4)), this::className);
        assertThat(galleryItems(gallery)).as("the same attempts, loaded again").containsExactlyElementsOf(items);

        gallery.show(List.of(best(6), best(5)), this::className);
        assertThat(galleryItems(gallery)).hasSize(2).doesNotContainAnyElementsOf(items);
    }

    private List<Div> galleryItems(GalleryPanel gallery) {
        return $(Div.class, gallery).withClassName("fool-gallery-item").all();
    }

    private static GalleryItem best(long attemptId) {
        float[] image = new float[ImagePixels.COUNT];
        return new GalleryItem(attemptId, "gallery-" + attemptId, image, image, 7, 1, 0.9f,
                3, 0.3f, attemptId, Instant.EPOCH);
    }

    private String className(int classIndex) {
        return UI.getCurrent().getTranslation("dataset.mnist.class." + classIndex);
    }

    /** Opens the Fool page and joins as a new player, as a first-time visitor does. */
    private FoolView join(String nickname) {
        FoolView page = navigate(FoolView.class);
        BrowserStorage.answerEmpty();
        test($(TextField.class).id("nickname-field")).setValue(nickname);
        test($(Button.class).id("nickname-join")).click();
        assertThat(page.feedback.status.getText()).as("a challenge is on the canvas").startsWith("Top class");
        return page;
    }

    private float[] jsmaAnswerWithinTwentyPixels(FoolView page) {
        return firstAnswer(page, "JSMA within 20 pixels", challenge -> new Jsma(20).attack(
                models.classifier(FoolLevel.FEW_PIXELS.judgingModel(challenge.dataset())), challenge.original(),
                challenge.goal()));
    }

    private float[] fgsmAnswerOnThePracticeModel(FoolView page) {
        return firstAnswer(page, "FGSM at ε = 0.3 on the practice LeNet", challenge -> GradientAttack.fgsm(0.3f).attack(
                models.classifier(FoolLevel.BLINDFOLD.visibleModel(challenge.dataset())), challenge.original(),
                challenge.goal()));
    }

    /** The attack's answer to the first challenge image it succeeds on, asking for new images as a player would. */
    private float[] firstAnswer(FoolView page, String attackName, Function<Challenge, AttackResult> attack) {
        for (int tries = 0; tries < IMAGE_TRIES; tries++) {
            AttackResult result = attack.apply(challengeOf(page));
            if (result.success()) {
                return result.adversarial();
            }
            test(page.next).click();
        }
        throw new AssertionError(attackName + " succeeded on none of " + IMAGE_TRIES + " challenge images");
    }

    private static Challenge challengeOf(FoolView page) {
        Challenge challenge = page.session.challenge();
        assertThat(challenge).as("a challenge was handed out").isNotNull();
        return challenge;
    }

    /** What the browser's canvas reports after a stroke: the whole image, rounded to three decimals. */
    private static void paint(FoolView page, float[] pixels) {
        new CanvasTester(page.canvas).report(pixels);
    }

    private static final class CanvasTester extends ComponentTester<PixelCanvas> {

        private static long sequence;

        CanvasTester(PixelCanvas canvas) {
            super(canvas);
        }

        void report(float[] pixels) {
            ArrayNode values = JacksonUtils.createArrayNode();
            for (float pixel : pixels) {
                values.add(Math.round(pixel * 1000) / 1000.0);
            }
            ObjectNode data = JacksonUtils.createObjectNode();
            data.set("event.detail.pixels", values);
            data.put("event.detail.seq", ++sequence);
            fireDomEvent("image-change", data);
            BrowserRequest.answer();
        }
    }

    /** The player comes back: another page, then this one again (navigating to the page it is on reuses it). */
    private void visitAgain() {
        navigate("", Component.class);
        navigate(FoolView.class);
    }

    /** A notification made of components carries its text in them. */
    private static String textOf(Notification notification) {
        return notification.getChildren().map(child -> child.getElement().getTextRecursively())
                .collect(java.util.stream.Collectors.joining(" "));
    }
}
