package org.adversarialarena.e2e;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.DoubleStream;

/**
 * A few real Chromium pages playing Fool beside a load run, to check its virtual players' figures
 * against what a browser measures: each page joins as a player of its own and strokes one pixel every
 * {@code strokeEvery} (painting it, then erasing it, so the image stays within the level's budget), and
 * times each canvas report until the class bars show its answer ({@link RoundTripTimer}). Playwright is
 * used from one thread only: the probe's own.
 */
public final class BrowserProbe {

    private static final int SIDE = 28;

    /** What the pages measured: every report's round trip in milliseconds, and the pages that could not play. */
    public record Result(double[] reportMillis, int strokes, int failedPages) {

        public double percentile(int p) {
            if (reportMillis.length == 0) {
                return Double.NaN;
            }
            double[] sorted = reportMillis.clone();
            Arrays.sort(sorted);
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
        }
    }

    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CompletableFuture<Result> result = new CompletableFuture<>();

    private BrowserProbe() {
    }

    /** Starts {@code pages} pages at {@code baseUrl} (ending in "/") in a thread of their own. */
    public static BrowserProbe start(String baseUrl, int pages, Duration strokeEvery, String nicknamePrefix) {
        BrowserProbe probe = new BrowserProbe();
        Thread.ofPlatform().name("browser-probe").daemon().start(() -> {
            try {
                probe.result.complete(probe.play(baseUrl, pages, strokeEvery, nicknamePrefix));
            } catch (RuntimeException e) {
                probe.result.completeExceptionally(e);
            }
        });
        return probe;
    }

    /** Stops stroking and returns what the pages measured. */
    public Result stop() {
        stopping.set(true);
        return result.join();
    }

    private Result play(String baseUrl, int count, Duration strokeEvery, String nicknamePrefix) {
        try (BrowserSession browser = new BrowserSession()) {
            List<PlayingPage> pages = new ArrayList<>();
            int failed = 0;
            for (int i = 0; i < count && !stopping.get(); i++) {
                try {
                    pages.add(PlayingPage.join(browser.newPageElsewhere(), baseUrl + "fool", nicknamePrefix + i));
                } catch (RuntimeException e) {
                    System.out.println("browser probe: page " + i + " could not start: " + e.getMessage());
                    failed++;
                }
            }
            Random random = new Random(count);
            long pause = Math.max(1, strokeEvery.toMillis() / Math.max(1, pages.size()));
            int strokes = 0;
            while (!stopping.get() && !pages.isEmpty()) {
                for (PlayingPage page : pages) {
                    page.stroke(random);
                    strokes++;
                    page.page.waitForTimeout(pause);
                }
            }
            DoubleStream all = DoubleStream.empty();
            for (PlayingPage page : pages) {
                all = DoubleStream.concat(all, Arrays.stream(page.timer.reportRoundTrips()));
            }
            return new Result(all.toArray(), strokes, failed);
        }
    }

    /** One page in the game, with its canvas's place on screen and the pixel it painted last. */
    private static final class PlayingPage {
        final Page page;
        final RoundTripTimer timer;
        final BoundingBox canvas;
        int painted = -1;

        private PlayingPage(Page page, RoundTripTimer timer, BoundingBox canvas) {
            this.page = page;
            this.timer = timer;
            this.canvas = canvas;
        }

        static PlayingPage join(Page page, String url, String nickname) {
            page.setViewportSize(1280, 1200);
            page.navigate(url);
            page.locator("#fool-view").waitFor();
            FoolPages.join(page, nickname);
            page.locator("#fool-status:has-text('Top class')").waitFor();
            RoundTripTimer timer = new RoundTripTimer(page, "#fool-canvas", "#fool-bars");
            return new PlayingPage(page, timer, page.locator("#fool-canvas canvas").boundingBox());
        }

        /** Paints a random pixel, or erases the one painted before. */
        void stroke(Random random) {
            int pixel;
            if (painted < 0) {
                pixel = random.nextInt(SIDE * SIDE);
                page.locator("#fool-canvas #brush").click();
                painted = pixel;
            } else {
                pixel = painted;
                page.locator("#fool-canvas #eraser").click();
                painted = -1;
            }
            page.mouse().move(canvas.x + (pixel % SIDE + 0.5) * canvas.width / SIDE,
                    canvas.y + (pixel / SIDE + 0.5) * canvas.height / SIDE);
            page.mouse().down();
            page.mouse().up();
        }
    }
}
