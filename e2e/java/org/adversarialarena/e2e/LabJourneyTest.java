package org.adversarialarena.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A student in a real Chromium starts a short Lab run held for single steps, takes one D step (the
 * samples appear and stay as they are) and one G step (the samples change), watches the charts drawn
 * by uPlot, runs a few G steps timing each from the click to the pushed status, and stops the run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "db-scheduler.polling-interval=200ms")
class LabJourneyTest extends BrowserJourney {

    private static final String SAMPLES_SUM = """
            () => Array.from(document.querySelectorAll('#lab-run-samples pixel-image'))
                .map(image => (image.pixels || []).reduce((sum, value) => sum + value, 0)).join(',')""";

    @Test
    void aStudentStepsDAndGOfAHeldRunSeesTheSamplesChangeAndStopsIt() {
        Page page = browser.newPage();
        page.navigate(url("/lab"));
        page.locator("#lab-view").waitFor(new Locator.WaitForOptions().setTimeout(BrowserSession.FIRST_PAGE_TIMEOUT_MS));
        page.locator("#nickname-field input").fill("lab-e2e");
        page.locator("#nickname-join").click();
        assertThat(page.locator("#lab-preset-text")).containsText("0.5 line");

        page.locator("#lab-setting-batchSize input").fill("16");
        page.locator("#lab-setting-steps input").fill("200");
        page.locator("#lab-start-held").click();
        Locator status = page.locator("#lab-run-status");
        assertThat(status).containsText("running", new LocatorAssertions.ContainsTextOptions().setTimeout(60_000));
        assertThat(status).containsText("held for single steps");

        page.locator("#lab-step-d").click();
        assertThat(page.locator("#lab-run-losses canvas").first()).isVisible();
        page.waitForFunction("() => document.querySelector('#lab-run-samples pixel-image').pixels.some(v => v > 0)");
        String afterD = (String) page.evaluate(SAMPLES_SUM);
        assertThat(status).containsText("step 0 of 200");
        browser.screenshot(page, "lab-after-d-step");

        page.locator("#lab-step-g").click();
        assertThat(status).containsText("step 1 of 200");
        page.waitForFunction("previous => (" + SAMPLES_SUM + ")() !== previous", afterD);
        assertThat((String) page.evaluate(SAMPLES_SUM)).as("G's step changed the samples").isNotEqualTo(afterD);
        browser.screenshot(page, "lab-after-g-step");

        List<Double> millis = new ArrayList<>();
        for (int step = 2; step <= 6; step++) {
            double start = ((Number) page.evaluate("() => performance.now()")).doubleValue();
            page.locator("#lab-step-g").click();
            page.waitForFunction("n => document.querySelector('#lab-run-status').textContent.includes('step ' + n + ' of')",
                    step);
            millis.add(((Number) page.evaluate("() => performance.now()")).doubleValue() - start);
        }
        System.out.println("Lab single G step, click to pushed status in Chromium (ms): " + millis);

        page.locator("#lab-stop").click();
        assertThat(status).containsText("stopped");
        assertThat(page.locator("#lab-stop")).isDisabled();
        assertThat(page.locator("#lab-run-coverage")).isVisible();
        assertThat(page.locator("#lab-run-verdicts")).containsText(Pattern.compile("0\\.5"));
        browser.screenshot(page, "lab-stopped");
        page.locator("#lab-run-fid").scrollIntoViewIfNeeded();
        browser.screenshot(page, "lab-charts");
    }
}
