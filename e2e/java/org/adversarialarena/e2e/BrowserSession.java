package org.adversarialarena.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One real Chromium for a journey. Debian's Chromium is used where it is installed, since
 * Playwright cannot download browsers on every network; elsewhere Playwright brings its own.
 */
final class BrowserSession implements AutoCloseable {

    private static final Path SYSTEM_CHROMIUM = Path.of("/usr/bin/chromium");
    private static final List<String> CHROMIUM_ARGS = List.of("--no-sandbox", "--disable-gpu",
            "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run");

    /** Chromium on an Android phone, so the server sees what a phone's browser sends. */
    private static final String PHONE_USER_AGENT = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36"
            + " (KHTML, like Gecko) Chrome/156.0.0.0 Mobile Safari/537.36";

    /** A fresh dev-mode server builds its frontend bundle (npm install + Vite) before the first page. */
    static final double FIRST_PAGE_TIMEOUT_MS = 180_000;

    /**
     * How long an app may take to serve its very first page: a dev-mode app that starts while another
     * app of the same run builds the frontend bundle (npm install, Vite) waits for that build and may
     * run one of its own.
     */
    static final double FRONTEND_READY_TIMEOUT_MS = AppNode.FRONTEND_READY.toMillis();

    private final Playwright playwright;
    private final Browser browser;
    private final BrowserContext context;
    private final List<BrowserContext> otherContexts = new ArrayList<>();
    private final Path screenshots;

    BrowserSession() {
        Map<String, String> env = Files.isExecutable(SYSTEM_CHROMIUM)
                ? Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
                : Map.of();
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(env));
        BrowserType.LaunchOptions launch = new BrowserType.LaunchOptions().setHeadless(true).setArgs(CHROMIUM_ARGS);
        if (Files.isExecutable(SYSTEM_CHROMIUM)) {
            launch.setExecutablePath(SYSTEM_CHROMIUM);
        }
        browser = playwright.chromium().launch(launch);
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
        PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
        screenshots = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
    }

    Page newPage() {
        return watched(context.newPage());
    }

    /**
     * A page with cookies of its own, as on another computer: the same person signed in twice, or
     * another person.
     */
    Page newPageElsewhere() {
        BrowserContext elsewhere = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
        otherContexts.add(elsewhere);
        return watched(elsewhere.newPage());
    }

    /** A page with cookies of its own in a browser set to {@code locale} (e.g. "zh-CN": its Accept-Language). */
    Page newPageIn(String locale) {
        BrowserContext elsewhere = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900)
                .setLocale(locale));
        otherContexts.add(elsewhere);
        return watched(elsewhere.newPage());
    }

    /**
     * A page with cookies of its own on a phone: a 390 × 844 screen at three device pixels per CSS
     * pixel, a touch screen and a mobile browser (the viewport meta tag applies, no mouse hover).
     */
    Page newPhone() {
        BrowserContext phone = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
                .setDeviceScaleFactor(3).setIsMobile(true).setHasTouch(true).setUserAgent(PHONE_USER_AGENT));
        otherContexts.add(phone);
        return watched(phone.newPage());
    }

    private static Page watched(Page page) {
        // Browser-side errors end up in the test log, where a failed journey is diagnosed.
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type()) || "warning".equals(message.type())) {
                System.out.println("[browser " + message.type() + "] " + message.text());
            }
        });
        page.onPageError(error -> System.out.println("[browser page error] " + error));
        page.setDefaultNavigationTimeout(FIRST_PAGE_TIMEOUT_MS);
        page.setDefaultTimeout(30_000);
        return page;
    }

    Path screenshot(Page page, String name) {
        try {
            Files.createDirectories(screenshots);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path file = screenshots.resolve(name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }

    @Override
    public void close() {
        otherContexts.forEach(BrowserContext::close);
        context.close();
        browser.close();
        playwright.close();
    }
}
