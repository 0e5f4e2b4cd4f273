package org.adversarialarena.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.Arrays;
import java.util.Map;
import org.adversarialarena.catalog.ModelCatalog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A player who uses no mouse (WCAG 2.1.1) plays Fool's level 1 to success: joins by typing the
 * nickname and Enter, tabs to the canvas, moves its pixel cursor with the arrow keys and inks the
 * pixels JSMA would change with Space, hears the verdict and the budget in the live region, tabs to
 * Submit and presses Enter. The server judges and stores the round as for any other player.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FoolKeyboardJourneyTest extends BrowserJourney {

    private static final String NICKNAME = "keys-only";
    private static final int BUDGET = 20;
    private static final int SIDE = 28;
    /** Where the canvas's cursor starts: the middle of the image. */
    private static final int CURSOR_START = SIDE / 2 * SIDE + SIDE / 2;
    /** Enough to go once round the whole page, from wherever the focus is. */
    private static final int MAX_TABS = 150;

    /** Who has the focus: "host-id/inner-id" inside a shadow root (the canvas: "fool-canvas/canvas"), else "id/". */
    private static final String FOCUSED = """
            () => {
              let outer = document.activeElement;
              let inner = outer;
              while (inner?.shadowRoot?.activeElement) inner = inner.shadowRoot.activeElement;
              return (outer?.closest('[id]')?.id ?? '') + '/' + (inner !== outer ? inner?.id ?? '' : '');
            }""";

    /** The canvas sent every edit (none waits in its throttle) and the bars show the answer to the last. */
    private static final String JUDGED = """
            () => {
              const canvas = document.querySelector('#fool-canvas');
              return canvas.pendingReport === null
                  && document.querySelector('#fool-bars').dataset.seq === String(canvas.reportSeq);
            }""";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ModelCatalog models;

    @Test
    void aPlayerWithoutAMouseFoolsTheNetworkWithTheArrowKeysAndSpaceAndHearsTheVerdict() {
        Page page = browser.newPage();
        page.setViewportSize(1440, 1500);
        FoolPages.openAsNewVisitor(page, url("/fool"));
        Locator nickname = page.locator("#nickname-field input");
        nickname.waitFor(new Locator.WaitForOptions().setTimeout(180_000));
        assertThat(nickname).isFocused();
        page.keyboard().type(NICKNAME);
        page.keyboard().press("Enter");
        assertThat(page.locator("#fool-status")).containsText("Top class");

        int[] pixels = FoolPages.jsmaPixelsForTheCurrentChallenge(page, jdbc, models, NICKNAME, BUDGET, () -> {
            tabTo(page, "fool-next/");
            page.keyboard().press("Enter");
        });
        Arrays.sort(pixels);
        tabTo(page, "fool-canvas/canvas");
        assertThat(page.locator("#fool-canvas #cursor")).isVisible();
        assertThat(page.locator("#fool-canvas canvas")).hasAttribute("aria-describedby", "keys");

        int cursor = CURSOR_START;
        for (int pixel : pixels) {
            moveCursor(page, cursor, pixel);
            cursor = pixel;
            assertThat(page.locator("#fool-canvas #cursor-status"))
                    .containsText("Row " + (pixel / SIDE + 1) + ", column " + (pixel % SIDE + 1));
            page.keyboard().press("Space");
            // Each key edit is judged before the next, as a careful player waits for the bars.
            page.waitForFunction(JUDGED);
        }
        assertThat(page.locator("#fool-l0")).containsText(pixels.length + " of at most " + BUDGET);
        Locator announcer = page.locator("#fool-announcer");
        assertThat(announcer).hasAttribute("aria-live", "polite");
        assertThat(announcer).containsText("Fooled");
        assertThat(announcer).containsText(pixels.length + " of at most " + BUDGET);

        tabTo(page, "fool-submit/");
        page.keyboard().press("Enter");
        assertThat(page.locator("#fool-result")).containsText("Fooled!");
        assertThat(announcer).containsText("Fooled!");
        assertThat(announcer).containsText("points");
        Map<String, Object> attempt = jdbc.queryForMap("select a.success, a.l0 from fool_attempt a"
                + " join player p on p.id = a.player_id where p.nickname = ?", NICKNAME);
        assertThat(attempt).containsEntry("success", true).containsEntry("l0", pixels.length);
    }

    /** Presses Tab until {@code wanted} (see {@link #FOCUSED}) has the focus. */
    private static void tabTo(Page page, String wanted) {
        for (int presses = 0; !page.evaluate(FOCUSED).equals(wanted); presses++) {
            assertThat(presses).as("Tab reaches " + wanted).isLessThan(MAX_TABS);
            page.keyboard().press("Tab");
        }
    }

    private static void moveCursor(Page page, int from, int to) {
        int rows = to / SIDE - from / SIDE;
        int cols = to % SIDE - from % SIDE;
        for (int i = 0; i < Math.abs(rows); i++) {
            page.keyboard().press(rows > 0 ? "ArrowDown" : "ArrowUp");
        }
        for (int i = 0; i < Math.abs(cols); i++) {
            page.keyboard().press(cols > 0 ? "ArrowRight" : "ArrowLeft");
        }
    }
}
