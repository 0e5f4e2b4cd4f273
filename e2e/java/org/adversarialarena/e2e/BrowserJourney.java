package org.adversarialarena.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.TimeoutError;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What every journey shares: one real Chromium per test class, opened before its tests and closed
 * after them, and the port of the app the class started.
 */
abstract class BrowserJourney {

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
