package org.adversarialarena.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Mouse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A new player forges in a real Chromium: draws a 7 stroke by stroke while the detective and the
 * classifier answer each stroke, submits it, joins with a nickname and finds themselves on the
 * prompt's live leaderboard; then starts from the generator on Fashion-MNIST and submits that.
 * Along the way the stroke-to-verdict round trip is timed in the browser.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"arena.submissions.min-interval=0s"})
class ForgeJourneyTest extends BrowserJourney {

    private static final String NICKNAME = "forger-e2e";
    private static final int TIMED_STROKES = 20;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aNewPlayerForgesASevenSubmitsItAndAppearsOnTheLeaderboardThenForgesFromTheGenerator() throws IOException {
        Page page = browser.newPage();
        page.navigate(url("/forge"));
        page.locator("#forge-view").waitFor(new Locator.WaitForOptions().setTimeout(BrowserSession.FIRST_PAGE_TIMEOUT_MS));
        assertThat(page.locator("#forge-prompt-title")).containsText("7");
        assertThat(page.locator("#forge-detective-version")).containsText("Version");
        Locator real = page.locator("#forge-real");
        assertThat(real).containsText("% real");
        String blankVerdict = real.textContent();

        Locator canvas = page.locator("#forge-canvas canvas");
        BoundingBox box = canvas.boundingBox();
        stroke(page, box, 0.28, 0.25, 0.72, 0.25);
        assertThat(real).hasAttribute("data-seq", java.util.regex.Pattern.compile("[1-9][0-9]*"));
        stroke(page, box, 0.72, 0.25, 0.45, 0.85);
        assertThat(real).not().hasText(blankVerdict);
        awaitVerdictOnTheLastReport(page);
        assertThat(page.locator("#forge-class")).containsText("% 7");
        browser.screenshot(page, "forge-drawing");

        long forgeriesBefore = forgeries();
        page.locator("#forge-submit").click();
        page.locator("#nickname-field input").fill(NICKNAME);
        page.locator("#nickname-join").click();
        Locator message = page.locator("#forge-message");
        assertThat(message).containsText("detective");
        assertThat(message).not().hasClass(java.util.regex.Pattern.compile(".*forge-error.*"));
        assertThat(page.locator("#forge-leaderboard")).containsText(NICKNAME);
        assertThat(page.locator("#forge-detective-seen")).not().containsText(": 0");
        assertThat(forgeries()).isEqualTo(forgeriesBefore + 1);

        // Every third submission the detective trains in the background; its panel follows by push.
        assertThat(page.locator("#forge-detective-version")).hasText("Version 1");
        page.locator("#forge-submit").click();
        assertThat(page.locator("#forge-detective-seen")).containsText(": 2");
        page.locator("#forge-submit").click();
        assertThat(page.locator("#forge-detective-seen")).containsText(": 3");
        assertThat(page.locator("#forge-detective-version")).not().hasText("Version 1");
        assertThat(real).not().containsText("(v1)");
        assertThat(forgeries()).isEqualTo(forgeriesBefore + 3);
        page.locator("#forge-prompt-title").evaluate("title => title.scrollIntoView()");
        browser.screenshot(page, "forge-submitted");

        // The submission's message may have scrolled the page: find the canvas again.
        canvas.scrollIntoViewIfNeeded();
        box = canvas.boundingBox();
        RoundTripTimer timer = new RoundTripTimer(page, "#forge-canvas", "#forge-real");
        for (int i = 0; i < TIMED_STROKES; i++) {
            double x = 0.15 + 0.7 * (i % 5) / 4.0;
            double y = 0.15 + 0.7 * (i / 5) / 3.0;
            stroke(page, box, x, y, x + 0.04, y + 0.04);
            timer.awaitStrokes(i + 1);
        }
        timer.record("Stroke-to-verdict round trip (mouse-up to painted verdict)",
                "Report-to-verdict round trip (each canvas report)", "forge-round-trip.txt", TIMED_STROKES);
        page.locator("#forge-canvas #undo").click();

        page.locator("#forge-dataset").click();
        page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText("Fashion-MNIST")).click();
        assertThat(page.locator("#forge-prompt-title")).containsText("T-shirt");
        String judgedBefore = real.getAttribute("data-judgements");
        page.locator("#forge-shuffle").click();
        page.locator("#forge-canvas").scrollIntoViewIfNeeded();
        assertThat(real).not().hasAttribute("data-judgements", judgedBefore);
        page.locator("#forge-slider-0").fill("2");
        page.locator("#forge-keep-a").click();
        page.locator("#forge-blend").fill("0.5");
        browser.screenshot(page, "forge-generator");
        page.locator("#forge-submit").click();
        assertThat(message).containsText("detective");
        page.waitForCondition(() -> forgeries() == forgeriesBefore + 4);
        // A generator's sample with random latents may not read as a T-shirt: then it scores 0 and
        // a round without points is not ranked (LeaderboardService).
        if (latestScore() > 0) {
            assertThat(page.locator("#forge-leaderboard")).containsText(NICKNAME);
        } else {
            assertThat(page.locator("#forge-leaderboard")).not().containsText(NICKNAME);
        }

        page.locator("#forge-final-verdict vaadin-details-summary").click();
        page.locator("#forge-final-judge").click();
        assertThat(page.locator("#forge-final-ranking")).containsText(NICKNAME);
        browser.screenshot(page, "forge-final-verdict");
    }

    private static void stroke(Page page, BoundingBox box, double fromX, double fromY, double toX, double toY) {
        page.mouse().move(box.x + box.width * fromX, box.y + box.height * fromY);
        page.mouse().down();
        page.mouse().move(box.x + box.width * toX, box.y + box.height * toY, new Mouse.MoveOptions().setSteps(12));
        page.mouse().up();
    }

    /** Waits until the verdict answers the canvas's latest report, not one sent mid-stroke. */
    private static void awaitVerdictOnTheLastReport(Page page) {
        page.waitForFunction("() => Number(document.querySelector('#forge-real').getAttribute('data-seq'))"
                + " >= document.querySelector('#forge-canvas').reportSeq");
    }

    private double latestScore() {
        Double score = jdbc.queryForObject("select f.score from forgery f join player p on p.id = f.player_id"
                + " where p.nickname = ? order by f.id desc limit 1", Double.class, NICKNAME);
        return score == null ? 0 : score;
    }

    private long forgeries() {
        Long count = jdbc.queryForObject("select count(*) from forgery f join player p on p.id = f.player_id"
                + " where p.nickname = ?", Long.class, NICKNAME);
        return count == null ? 0 : count;
    }
}
