package org.adversarialarena.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.adversarialarena.base.ui.ArenaSection;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A first visitor's walk through the whole stack: the real app on a random port with its embedded
 * PostgreSQL, a real Chromium, and every section. (Drawing on the canvas, the server round trip and
 * the database are exercised by the games' journeys, e.g. ForgeJourneyTest.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SkeletonJourneyTest extends BrowserJourney {

    @Test
    void aVisitorSeesEverySection() {
        Page page = browser.newPage();
        page.navigate(url("/"));
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
            assertThat(browser.screenshot(page, section.id())).isNotEmptyFile();
        }
    }

}
