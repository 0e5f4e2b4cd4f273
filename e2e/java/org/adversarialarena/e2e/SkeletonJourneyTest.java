package org.adversarialarena.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.adversarialarena.base.ui.ArenaSection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A first visitor's walk through the whole stack: the real app on a random port with its embedded
 * PostgreSQL, a real Chromium, every section, a stroke on the canvas that reaches the server, and a
 * sketch that lands in the database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SkeletonJourneyTest {

    private static final Pattern INKED = Pattern.compile("(\\d+)");

    private static BrowserSession browser;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    static void openBrowser() {
        browser = new BrowserSession();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aVisitorSeesEverySectionAndDrawsASketchThatReachesTheServerAndTheDatabase() {
        Page page = browser.newPage();
        page.navigate("http://localhost:" + port + "/");
        // A fresh dev-mode server first builds its frontend bundle and shows a waiting page meanwhile.
        page.locator("#home-view").waitFor(new Locator.WaitForOptions().setTimeout(BrowserSession.FIRST_PAGE_TIMEOUT_MS));
        assertThat(page.locator("#home-view")).isVisible();
        assertThat(page.locator(".arena-game-card")).hasCount(ArenaSection.values().length - 1);
        Path home = browser.screenshot(page, "home");
        assertThat(home).isNotEmptyFile();

        for (ArenaSection section : ArenaSection.values()) {
            page.locator("#nav-" + section.id()).click();
            assertThat(page.locator("#" + section.viewId())).isVisible();
            assertThat(page).hasTitle(Pattern.compile(".*Adversarial Arena$"));
            if (section == ArenaSection.LAB || section == ArenaSection.JUDGE) {
                assertThat(page.locator("#" + section.id() + "-coming-soon")).isVisible();
            }
            assertThat(browser.screenshot(page, section.id())).isNotEmptyFile();
        }

        page.locator("#nav-forge").click();
        Locator ink = page.locator("#sketchpad-ink");
        assertThat(ink).containsText(" 0 ");
        drawAStroke(page.locator("#sketchpad-canvas canvas"), page);
        assertThat(ink).not().containsText(" 0 ");
        assertThat(inkedPixels(ink.textContent())).isGreaterThan(10);
        browser.screenshot(page, "forge-sketch");

        long sketchesBefore = sketchCount();
        page.locator("#sketchpad-save").click();
        assertThat(page.locator("vaadin-notification-card")).containsText("Sketch saved");
        assertThat(sketchCount()).isEqualTo(sketchesBefore + 1);

        page.locator("#sketchpad-canvas #undo").click();
        assertThat(ink).containsText(" 0 ");
    }

    private static void drawAStroke(Locator canvas, Page page) {
        BoundingBox box = canvas.boundingBox();
        assertThat(box.width).isGreaterThanOrEqualTo(280);
        double x = box.x + box.width * 0.5;
        page.mouse().move(x, box.y + box.height * 0.2);
        page.mouse().down();
        page.mouse().move(x, box.y + box.height * 0.8, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(20));
        page.mouse().up();
    }

    private static int inkedPixels(String text) {
        Matcher number = INKED.matcher(text);
        assertThat(number.find()).as("a pixel count in '%s'", text).isTrue();
        return Integer.parseInt(number.group(1));
    }

    private long sketchCount() {
        Long count = jdbc.queryForObject("select count(*) from stored_image where kind = 'SKETCH'", Long.class);
        return count == null ? 0 : count;
    }

}
