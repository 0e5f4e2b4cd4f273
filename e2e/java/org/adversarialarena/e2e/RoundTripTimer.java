package org.adversarialarena.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How long a game takes to answer the strokes on its pixel canvas, timed in the browser. The server
 * stamps its answer element with the sequence number of the canvas report it answers; two timings
 * end when that stamp arrives and the answer is rendered (a Lit element's update, else the next frame):
 * from each mouse-up on the canvas (the player's view; 0 if the answer to the stroke's last report was
 * already on screen, since the canvas reports a click on pointer-down), and from each report sent.
 * Recorded, not asserted: speed is a measurement; only that every stroke was answered is checked.
 */
final class RoundTripTimer {

    private final Page page;

    RoundTripTimer(Page page, String canvasSelector, String answerSelector) {
        this.page = page;
        page.evaluate("""
                ([canvasSelector, answerSelector]) => {
                  window.strokeRoundTrips = [];
                  window.reportRoundTrips = [];
                  const canvas = document.querySelector(canvasSelector);
                  const answer = document.querySelector(answerSelector);
                  const answered = () => Number(answer.getAttribute('data-seq'));
                  const afterRender = (then) => answer.updateComplete ? answer.updateComplete.then(then)
                      : requestAnimationFrame(then);
                  const sent = new Map();
                  canvas.addEventListener('image-change', (e) => sent.set(e.detail.seq, performance.now()));
                  new MutationObserver(() => {
                    const seq = answered();
                    if (sent.has(seq)) {
                      const start = sent.get(seq);
                      sent.delete(seq);
                      afterRender(() => window.reportRoundTrips.push(performance.now() - start));
                    }
                  }).observe(answer, { attributes: true, attributeFilter: ['data-seq'] });
                  canvas.addEventListener('pointerup', (e) => {
                    if (e.composedPath()[0].tagName !== 'CANVAS') {
                      return; // the tool buttons are not strokes
                    }
                    const start = performance.now();
                    const seq = canvas.reportSeq;
                    if (answered() >= seq) {
                      window.strokeRoundTrips.push(0);
                      return;
                    }
                    const observer = new MutationObserver(() => {
                      if (answered() >= seq) {
                        observer.disconnect();
                        afterRender(() => window.strokeRoundTrips.push(performance.now() - start));
                      }
                    });
                    observer.observe(answer, { attributes: true, attributeFilter: ['data-seq'] });
                  });
                }
                """, List.of(canvasSelector, answerSelector));
    }

    /** Waits until {@code strokes} strokes have been answered. */
    void awaitStrokes(int strokes) {
        page.waitForFunction("n => window.strokeRoundTrips.length >= n", strokes);
    }

    /** Prints both timings with the load average, writes them to {@code target/<file>}, and checks every stroke was answered. */
    void record(String strokeTiming, String reportTiming, String file, int strokes) throws IOException {
        double[] strokeMillis = times("strokeRoundTrips");
        String text = summary(strokeTiming, strokeMillis) + summary(reportTiming, times("reportRoundTrips"))
                + "Load average (1, 5, 15 min, …): " + Files.readString(Path.of("/proc/loadavg")).trim() + "\n";
        System.out.print(text);
        Path out = Path.of("target", file);
        Files.createDirectories(out.getParent());
        Files.writeString(out, text);
        assertThat(strokeMillis).as("answered strokes").hasSizeGreaterThanOrEqualTo(strokes);
    }

    /** Each canvas report's round trip so far, in milliseconds. */
    double[] reportRoundTrips() {
        return times("reportRoundTrips");
    }

    private double[] times(String name) {
        @SuppressWarnings("unchecked")
        List<Number> times = (List<Number>) page.evaluate("() => window." + name);
        return times.stream().mapToDouble(n -> Math.round(n.doubleValue() * 10) / 10.0).sorted().toArray();
    }

    private static String summary(String what, double[] sorted) {
        if (sorted.length == 0) {
            return what + ": none\n";
        }
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return String.format(Locale.ROOT, "%s over %d: median %.1f ms, min %.1f ms, max %.1f ms; all: %s%n", what, n,
                median, sorted[0], sorted[n - 1], Arrays.toString(sorted));
    }
}
