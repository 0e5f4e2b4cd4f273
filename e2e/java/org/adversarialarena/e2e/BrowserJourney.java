package org.adversarialarena.e2e;

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
}
