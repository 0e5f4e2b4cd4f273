package org.adversarialarena.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.Map;
import java.util.stream.IntStream;
import org.adversarialarena.catalog.ModelCatalog;
import org.adversarialarena.ml.attack.AttackGoal;
import org.adversarialarena.ml.attack.AttackResult;
import org.adversarialarena.ml.attack.Jsma;
import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.ml.model.ClassifierArchitecture;
import org.adversarialarena.ml.model.ClassifierId;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the Fool journeys do on the page alike: arrive as a new visitor, join, pick from a select. */
final class FoolPages {

    private static final int JSMA_TRIES = 30;

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

    /**
     * The pixels JSMA (level 1's L0 attack) changes to fool the open LeNet on the image the server
     * handed {@code nickname}, within {@code budget} pixels, found through the app's own beans. JSMA
     * answers only about 3 in 10 MNIST test digits within 20 pixels (58 of the first 200), so 8 tries
     * failed a journey about 1 run in 16; 30 tries leave it about 1 in 30,000. {@code nextImage} asks the
     * page for another image, as the player would.
     */
    static int[] jsmaPixelsForTheCurrentChallenge(Page page, JdbcTemplate jdbc, ModelCatalog models, String nickname,
            int budget, Runnable nextImage) {
        for (int tries = 0; tries < JSMA_TRIES; tries++) {
            Map<String, Object> challenge = jdbc.queryForMap("select c.image_index, c.true_class from fool_challenge c"
                    + " join player p on p.id = c.player_id where p.nickname = ? order by c.issued_at desc limit 1", nickname);
            float[] original = models.dataset(DatasetId.MNIST).test().image((Integer) challenge.get("image_index"));
            AttackResult jsma = new Jsma(budget).attack(
                    models.classifier(new ClassifierId(DatasetId.MNIST, ClassifierArchitecture.LENET, 1)), original,
                    AttackGoal.untargeted((Integer) challenge.get("true_class")));
            if (jsma.success()) {
                float[] adversarial = jsma.adversarial();
                return IntStream.range(0, original.length).filter(i -> Math.abs(adversarial[i] - original[i]) > 1e-4f)
                        .toArray();
            }
            // JSMA needs more than the budget on this image: take another one, as a player may.
            long before = challengesOf(jdbc, nickname);
            nextImage.run();
            for (int wait = 0; wait < 100 && challengesOf(jdbc, nickname) == before; wait++) {
                page.waitForTimeout(100);
            }
        }
        throw new AssertionError("JSMA found no " + budget + "-pixel answer on " + JSMA_TRIES + " challenge images");
    }

    private static long challengesOf(JdbcTemplate jdbc, String nickname) {
        Long count = jdbc.queryForObject("select count(*) from fool_challenge c join player p on p.id = c.player_id"
                + " where p.nickname = ?", Long.class, nickname);
        return count == null ? 0 : count;
    }
}
