package org.adversarialarena.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import java.nio.file.Path;
import java.util.Map;
import org.adversarialarena.forge.ForgeService;
import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.player.PlayerService;
import org.adversarialarena.round.RoundService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What only a browser shows of Fool as a student meets it: the class bars' markers (top, true class,
 * target) as rendered, the phone and laptop layouts (what is in view without scrolling), and a soft
 * brush painted up to the pixel budget whose submission the server accepts. Screenshots of both
 * layouts go to docs/screenshots/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"arena.submissions.min-interval=0s"})
class StudentJourneyTest extends BrowserJourney {

    private static final Path DOCS = Path.of("docs", "screenshots");
    private static final int SIDE = 28;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RoundService rounds;

    @Autowired
    PlayerService players;

    @Test
    void theBarsMarkTheTopTheTrueAndTheTargetClassNotByColourAlone() {
        Page page = browser.newPageElsewhere();
        page.setViewportSize(1366, 900);
        FoolPages.openAsNewVisitor(page, url("/fool"));
        FoolPages.join(page, "marker-student");
        assertThat(page.locator("#fool-status")).containsText("Top class");

        Locator trueRow = page.locator("#fool-bars .row.true");
        assertThat(trueRow).hasCount(1);
        assertThat(trueRow).containsText("✓ true class");
        Locator top = page.locator("#fool-bars .row.top");
        assertThat(top).hasCount(1);
        assertThat(top.locator(".label")).hasCSS("font-weight", "700");
        assertThat(page.locator("#player-you")).containsText("You are marker-student");

        FoolPages.choose(page, "#fool-level", "Targeted");
        Locator targetRow = page.locator("#fool-bars .row.target");
        assertThat(targetRow).hasCount(1);
        assertThat(targetRow).containsText("◎ target");
        assertThat(page.locator("#fool-target")).containsText("Target: make the network say");
    }

    @Test
    void onAPhoneTheCanvasTheBarsAndTheStatusAreInViewTogetherWhilePainting() {
        Page page = browser.newPageElsewhere();
        page.setViewportSize(390, 844);
        FoolPages.openAsNewVisitor(page, url("/fool"));
        FoolPages.join(page, "phone-student");
        assertThat(page.locator("#fool-status")).containsText("Top class");

        page.locator("#fool-about").evaluate("details => details.opened = false");
        page.locator("#fool-canvas").scrollIntoViewIfNeeded();
        page.locator("#fool-canvas canvas").evaluate("canvas => canvas.scrollIntoView({block: 'start'})");
        page.waitForTimeout(300);
        for (String part : new String[] {"#fool-canvas canvas", "#fool-bars", "#fool-status"}) {
            BoundingBox box = page.locator(part).boundingBox();
            assertThat(box.y).as("%s starts in view", part).isGreaterThanOrEqualTo(0);
            assertThat(box.y + box.height).as("%s ends in view", part).isLessThanOrEqualTo(844);
            assertThat(box.x + box.width).as("%s fits across", part).isLessThanOrEqualTo(390);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(DOCS.resolve("student-phone.png")));
    }

    @Test
    void onALaptopSubmitAndTheToolsAreAboveTheFold() {
        Page page = browser.newPageElsewhere();
        page.setViewportSize(1366, 768);
        FoolPages.openAsNewVisitor(page, url("/fool"));
        FoolPages.join(page, "laptop-student");
        assertThat(page.locator("#fool-status")).containsText("Top class");
        page.waitForTimeout(300);

        for (String part : new String[] {"#fool-submit", "#fool-canvas #brush", "#fool-canvas #clear", "#fool-bars"}) {
            BoundingBox box = page.locator(part).boundingBox();
            assertThat(box.y + box.height).as("%s above the fold", part).isLessThanOrEqualTo(768);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(DOCS.resolve("student-laptop.png")));
    }

    @Test
    void softStrokesPaintedUpToTheBudgetAreAcceptedAndTheToolsGoAfterSubmitting() {
        Page page = browser.newPageElsewhere();
        page.setViewportSize(1366, 900);
        FoolPages.openAsNewVisitor(page, url("/fool"));
        FoolPages.join(page, "soft-student");
        assertThat(page.locator("#fool-status")).containsText("Top class");

        // A faint, wide brush: its rim leaves values far below one grey level around every stroke.
        page.locator("#fool-canvas #size").fill("2");
        page.locator("#fool-canvas #intensity").fill("0.3");
        Locator canvas = page.locator("#fool-canvas canvas");
        BoundingBox box = canvas.boundingBox();
        Locator meter = page.locator("#fool-l0");
        int row = 1;
        while (!meter.textContent().startsWith("Pixels changed (L0): 20 of") && row < SIDE - 1) {
            stroke(page, box, row, 1, row, SIDE - 2);
            row += 3;
            page.waitForTimeout(300);
        }
        assertThat(meter).containsText("20 of at most 20");

        page.locator("#fool-submit").click();
        assertThat(page.locator("#fool-result")).isVisible();
        assertThat(page.locator("vaadin-notification-card")).hasCount(0);
        Map<String, Object> attempt = jdbc.queryForMap("select a.l0 from fool_attempt a join player p on p.id = a.player_id"
                + " where p.nickname = ?", "soft-student");
        assertThat((Integer) attempt.get("l0")).isEqualTo(20);
        assertThat(page.locator("#fool-canvas .tools")).isHidden();
        assertThat(page.locator("#fool-status")).containsText("Submitted");
    }

    @Test
    void aReloadKeepsTheOpenChallengeAndItsUnfinishedEdits() {
        Page page = browser.newPageElsewhere();
        page.setViewportSize(1366, 900);
        FoolPages.openAsNewVisitor(page, url("/fool"));
        FoolPages.join(page, "reload-student");
        assertThat(page.locator("#fool-status")).containsText("Top class");
        String challenge = latestChallengeOf("reload-student");

        BoundingBox box = page.locator("#fool-canvas canvas").boundingBox();
        stroke(page, box, 2, 2, 2, 8);
        assertThat(page.locator("#fool-l0")).not().containsText("L0): 0 of");
        // A stroke's last reports may still be answered after the first one shows: read the meter once it rests.
        String painted = settledText(page, "#fool-l0");

        page.reload();
        assertThat(page.locator("#fool-status")).containsText("Top class");
        assertThat(page.locator("#fool-l0")).hasText(painted);
        assertThat(latestChallengeOf("reload-student")).isEqualTo(challenge);
    }

    @Test
    void theLeaderboardsPageShowsABoardScoredForTheFirstTimeLiveAndMarksTheVisitorsOwnRow() {
        Page page = browser.newPageElsewhere();
        page.setViewportSize(1366, 900);
        FoolPages.openAsNewVisitor(page, url("/fool"));
        FoolPages.join(page, "board-student");
        assertThat(page.locator("#fool-status")).containsText("Top class");
        page.navigate(url("/leaderboards"));
        Locator grid = page.locator("#leaderboards-grid");
        assertThat(page.locator("#leaderboards-view")).isVisible();
        assertThat(grid).not().containsText("board-student");

        Long id = jdbc.queryForObject("select id from player where nickname = ?", Long.class, "board-student");
        rounds.record(ForgeService.board(DatasetId.FASHION_MNIST, 3), players.find(id).orElseThrow(), 42.0);

        assertThat(grid.locator(".arena-leaderboard-mine")).containsText("board-student (you)");
    }

    private String latestChallengeOf(String nickname) {
        return jdbc.queryForObject("select c.id::text from fool_challenge c join player p on p.id = c.player_id"
                + " where p.nickname = ? order by c.issued_at desc limit 1", String.class, nickname);
    }

    /** The element's text once two reads half a second apart agree (at most ten reads). */
    private static String settledText(Page page, String selector) {
        String before = page.locator(selector).textContent();
        for (int read = 0; read < 10; read++) {
            page.waitForTimeout(500);
            String now = page.locator(selector).textContent();
            if (now.equals(before)) {
                return now;
            }
            before = now;
        }
        return before;
    }

    private static void stroke(Page page, BoundingBox box, int fromRow, int fromCol, int toRow, int toCol) {
        page.mouse().move(box.x + (fromCol + 0.5) * box.width / SIDE, box.y + (fromRow + 0.5) * box.height / SIDE);
        page.mouse().down();
        page.mouse().move(box.x + (toCol + 0.5) * box.width / SIDE, box.y + (toRow + 0.5) * box.height / SIDE,
                new com.microsoft.playwright.Mouse.MoveOptions().setSteps(20));
        page.mouse().up();
    }
}
