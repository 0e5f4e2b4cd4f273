package org.adversarialarena.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.TimeoutError;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What every journey shares: one real Chromium per test class, opened before its tests and closed
 * after them, and the port of the app the class started.
 */
abstract class BrowserJourney {

    /** The ports of apps that have served a page: their frontend is built. */
    private static final Set<Integer> SERVING = ConcurrentHashMap.newKeySet();

    static BrowserSession browser;

    @LocalServerPort
    int port;

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

    /**
     * Waits, once per app, until it serves its home page, so a test's own timeouts measure the test
     * and not the frontend build that the first app of a run has to wait for.
     */
    @BeforeEach
    void waitUntilTheAppServesPages() {
        if (SERVING.contains(port)) {
            return;
        }
        Page page = browser.newPageElsewhere();
        page.navigate(url("/"), new Page.NavigateOptions().setTimeout(BrowserSession.FRONTEND_READY_TIMEOUT_MS));
        page.locator("#home-view").waitFor(new Locator.WaitForOptions().setTimeout(BrowserSession.FRONTEND_READY_TIMEOUT_MS));
        page.close();
        SERVING.add(port);
    }

    /** The address of a page of the app under test, e.g. {@code url("/fool")}. */
    String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Picks an item of the first Vaadin select {@code select} finds; opens the list again if it closed before the click landed. */
    static void chooseInSelect(Page page, String select, String itemText) {
        Locator option = page.locator("vaadin-select-item[role='option']")
                .filter(new Locator.FilterOptions().setHasText(itemText));
        for (int attempt = 1; ; attempt++) {
            page.locator(select).first().click();
            try {
                option.click(new Locator.ClickOptions().setTimeout(5_000));
                break;
            } catch (TimeoutError e) {
                if (attempt == 3) {
                    throw e;
                }
                page.keyboard().press("Escape");
            }
        }
        assertThat(page.locator(select).first()).containsText(itemText);
    }
}
