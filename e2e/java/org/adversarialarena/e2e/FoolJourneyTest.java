package org.adversarialarena.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import java.io.IOException;
import java.util.Map;
import org.adversarialarena.catalog.ModelCatalog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A new player plays Fool's level 1 (Few pixels, MNIST) to success in a real Chromium: the pixels to
 * paint come from JSMA on the very image the server handed out, and are painted one click at a time
 * on the canvas. Every click is timed from mouse-up until the class bars show the server's answer
 * for that stroke. Then the player submits, sees the success, the score on the live leaderboard and
 * the machine's comparison.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FoolJourneyTest extends BrowserJourney {

    private static final String NICKNAME = "pixel-pusher";
    private static final int BUDGET = 20;
    private static final int TIMED_STROKES = 20;
    private static final int SIDE = 28;

    /** Each level and a phrase of its explanation, to know the page shows that level. */
    private static final Map<String, String> LEVEL_IDEAS = new java.util.LinkedHashMap<>();

    static {
        LEVEL_IDEAS.put("Few pixels", "L0 budget");
        LEVEL_IDEAS.put("Faint touch", "L∞ budget");
        LEVEL_IDEAS.put("Targeted", "chosen for you");
        LEVEL_IDEAS.put("Fortress", "trained adversarially");
        LEVEL_IDEAS.put("Blindfold", "is hidden");
        LEVEL_IDEAS.put("Sentinel", "detector network");
    }

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ModelCatalog models;

    @Test
    void aNewPlayerFoolsTheNetworkWithAFewPixelsAndSeesTheScoreAndTheMachinesAnswer() throws IOException {
        Page page = browser.newPage();
        // The app layout scrolls inside its content area, so a tall window shows the whole game at once.
        page.setViewportSize(1440, 1500);
        FoolPages.openAsNewVisitor(page, url("/fool"));
        FoolPages.join(page, NICKNAME);
        Locator status = page.locator("#fool-status");
        assertThat(status).containsText("Top class");
        assertThat(page.locator("#fool-level-explanation")).containsText("L0");

        int[] pixels = FoolPages.jsmaPixelsForTheCurrentChallenge(page, jdbc, models, NICKNAME, BUDGET,
                () -> page.locator("#fool-next").click());
        assertThat(pixels.length).isBetween(1, BUDGET);
        page.locator("#fool-hint").click();
        page.waitForTimeout(500);
        browser.screenshot(page, "fool-level");
        page.locator("#fool-hint").click();

        RoundTripTimer timer = new RoundTripTimer(page, "#fool-canvas", "#fool-bars");
        Locator canvas = page.locator("#fool-canvas canvas");
        BoundingBox box = canvas.boundingBox();
        int strokes = 0;
        for (int pixel : pixels) {
            clickPixel(page, box, pixel);
            timer.awaitStrokes(++strokes);
        }
        // More timed strokes that each change the image: erase a painted pixel, then paint it again.
        for (int i = 0; strokes < TIMED_STROKES; i++) {
            for (String tool : new String[] {"#eraser", "#brush"}) {
                page.locator("#fool-canvas " + tool).click();
                clickPixel(page, box, pixels[i % pixels.length]);
                timer.awaitStrokes(++strokes);
            }
        }
        assertThat(page.locator("#fool-l0")).containsText(pixels.length + " of at most " + BUDGET);
        assertThat(status).containsText("Fooled");

        page.locator("#fool-submit").click();
        Locator result = page.locator("#fool-result");
        assertThat(result).containsText("Fooled!");
        assertThat(result).containsText("points");
        assertThat(page.locator("#fool-leaderboard")).containsText(NICKNAME);
        browser.screenshot(page, "fool-success");

        assertThat(page.locator("#fool-comparison-player")).isVisible();
        assertThat(page.locator("#fool-comparison-machine-3")).isVisible(
                new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(60_000));
        assertThat(page.locator("#fool-comparison-machine-2")).containsText("JSMA");
        page.locator("#fool-comparison").scrollIntoViewIfNeeded();
        browser.screenshot(page, "fool-comparison");

        Map<String, Object> attempt = jdbc.queryForMap("select a.success, a.points, a.l0 from fool_attempt a"
                + " join player p on p.id = a.player_id where p.nickname = ?", NICKNAME);
        assertThat(attempt).containsEntry("success", true).containsEntry("l0", pixels.length);
        assertThat((Double) attempt.get("points")).isGreaterThanOrEqualTo(50.0);

        timer.record("Mouse-up to class bars", "Report sent to class bars", "fool-round-trip.txt", TIMED_STROKES);

        giveUpOnTheFaintTouchLevelAndSeeTheMachinesAnswer(page);
    }

    /** Level 2: give up at once; the machine's attacks and the linear toy model's explanation appear. */
    private void giveUpOnTheFaintTouchLevelAndSeeTheMachinesAnswer(Page page) {
        FoolPages.choose(page, "#fool-level", "Faint touch");
        assertThat(page.locator("#fool-level-explanation")).containsText("ε");
        assertThat(page.locator("#fool-goal")).containsText("ε = 0.30");
        assertThat(page.locator("#fool-give-up")).isEnabled();
        page.locator("#fool-give-up").click();
        assertThat(page.locator("#fool-comparison-machine-3")).isVisible(
                new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(60_000));
        assertThat(page.locator("#fool-comparison-player")).hasCount(0);
        assertThat(page.locator("#fool-linear-toy")).isVisible();
        page.locator("#fool-linear-toy").scrollIntoViewIfNeeded();
        browser.screenshot(page, "fool-give-up-faint-touch");
    }

    @Test
    void everyLevelOpensOnBothDatasetsOrSaysWhichNetworkItStillLacks() {
        Page page = browser.newPage();
        page.setViewportSize(1440, 1500);
        FoolPages.openAsNewVisitor(page, url("/fool"));
        FoolPages.join(page, "level-tourist");
        for (String dataset : new String[] {"MNIST digits", "Fashion-MNIST"}) {
            FoolPages.choose(page, "#fool-dataset", dataset);
            for (Map.Entry<String, String> levelAndIdea : LEVEL_IDEAS.entrySet()) {
                String level = levelAndIdea.getKey();
                FoolPages.choose(page, "#fool-level", level);
                assertThat(page.locator("#fool-level-explanation")).containsText(levelAndIdea.getValue());
                Locator goal = page.locator("#fool-goal");
                assertThat(goal).containsText(java.util.regex.Pattern.compile("Budget|not shipped yet"));
                if (goal.textContent().contains("not shipped yet")) {
                    System.out.println("Fool level " + level + " on " + dataset + ": " + goal.textContent());
                    continue;
                }
                assertThat(page.locator("#fool-status")).containsText("Top class");
                if (level.equals("Blindfold") && dataset.startsWith("MNIST")) {
                    page.locator("#fool-ask-hidden").click();
                    assertThat(page.locator("#fool-hidden-answers")).containsText("It says");
                    assertThat(page.locator("#fool-ask-hidden")).containsText("4 left");
                    page.waitForTimeout(500);
                    browser.screenshot(page, "fool-blindfold");
                }
                if (level.equals("Sentinel") && dataset.startsWith("MNIST")) {
                    assertThat(page.locator("#fool-detector")).containsText("Detector");
                    assertThat(page.locator("vaadin-notification-card")).hasCount(0);
                    page.waitForTimeout(500); // the bars' width transition
                    browser.screenshot(page, "fool-sentinel");
                }
            }
        }
    }

    private static void clickPixel(Page page, BoundingBox box, int pixel) {
        double x = box.x + (pixel % SIDE + 0.5) * box.width / SIDE;
        double y = box.y + (pixel / SIDE + 0.5) * box.height / SIDE;
        page.mouse().move(x, y);
        page.mouse().down();
        page.mouse().up();
    }
}
