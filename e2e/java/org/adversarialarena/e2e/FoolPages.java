package org.adversarialarena.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** What the Fool journeys do on the page alike: arrive as a new visitor, join, pick from a select. */
final class FoolPages {

    private FoolPages() {
    }

    /**
     * The tests share a browser profile: forget the player an earlier test left in local storage and
     * the server session that knows them.
     */
    static void openAsNewVisitor(Page page, String url) {
        page.navigate(url);
        page.locator("#fool-view").waitFor(new Locator.WaitForOptions().setTimeout(BrowserSession.FIRST_PAGE_TIMEOUT_MS));
        page.evaluate("() => window.localStorage.clear()");
        page.context().clearCookies();
        page.reload();
    }

    /** Joins with a nickname, unless this browser already is a player. */
    static void join(Page page, String nickname) {
        Locator field = page.locator("#nickname-field input");
        Locator playing = page.locator("#fool-status:has-text('Top class')");
        // count() and isVisible() do not wait, so this polls both outcomes.
        for (int waited = 0; !field.isVisible() && playing.count() == 0; waited += 200) {
            assertThat(waited).as("the page asks for a nickname or starts the game").isLessThan(180_000);
            page.waitForTimeout(200);
        }
        if (field.isVisible()) {
            field.fill(nickname);
            page.locator("#nickname-join").click();
        }
    }

    /** Picks an item of a Vaadin select; opens the list again if it closed before the click landed. */
    static void choose(Page page, String select, String itemText) {
        Locator option = page.locator("vaadin-select-item[role='option']")
                .filter(new Locator.FilterOptions().setHasText(itemText));
        for (int attempt = 1; ; attempt++) {
            page.locator(select).click();
            try {
                option.click(new Locator.ClickOptions().setTimeout(5_000));
                break;
            } catch (com.microsoft.playwright.TimeoutError e) {
                if (attempt == 3) {
                    throw e;
                }
                page.keyboard().press("Escape");
            }
        }
        assertThat(page.locator(select)).containsText(itemText);
    }
}
