package org.adversarialarena.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A new player judges a short session in a real Chromium with the keyboard only: R or ← for real,
 * F or → for fake, N for the next image. The test knows each image's truth from the database (as
 * only the server does) and answers rightly, sees every reveal, the result, the ranking of
 * generators with their intervals and themselves on the board of the sharpest judges; then starts a
 * timed session, whose first image the page hides after the exposure the server chose.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"arena.judge.min-per-kind=2", "arena.forge.train-every=100000"})
class JudgeJourneyTest extends BrowserJourney {

    private static final String NICKNAME = "judge-e2e";
    private static final int PER_KIND = 2;
    private static final int IMAGES = 2 * PER_KIND + 4;
    private static final double FIRST_SESSION_TIMEOUT_MS = 120_000;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aNewPlayerJudgesASessionByKeyboardAndSeesTheRanking() {
        Page page = browser.newPage();
        page.setViewportSize(1280, 1600);
        page.navigate(url("/judge"));
        page.locator("#judge-view").waitFor(new Locator.WaitForOptions().setTimeout(BrowserSession.FIRST_PAGE_TIMEOUT_MS));
        assertThat(page.locator("#judge-ranking-generators")).containsText("MLP cGAN v1");

        page.locator("#judge-per-kind input").fill(Integer.toString(PER_KIND));
        page.locator("#judge-start").click();
        page.locator("#nickname-field input").fill(NICKNAME);
        page.locator("#nickname-join").click();
        Locator progress = page.locator("#judge-progress");
        // The first session loads the dataset, both GANs and the detective: give it time on a busy machine.
        assertThat(page.locator("#judge-message")).isHidden();
        assertThat(progress).containsText("Warm-up: image 1 of " + IMAGES,
                new LocatorAssertions.ContainsTextOptions().setTimeout(FIRST_SESSION_TIMEOUT_MS));
        browser.screenshot(page, "judge-image");

        for (int i = 1; i <= IMAGES; i++) {
            boolean real = currentImageIsReal();
            // Letters and arrows both answer; alternate to use each.
            String key = real ? (i % 2 == 0 ? "ArrowLeft" : "r") : (i % 2 == 0 ? "ArrowRight" : "f");
            page.keyboard().press(key);
            assertThat(page.locator("#judge-reveal")).containsText("Right:");
            if (i < IMAGES) {
                assertThat(progress).containsText(i + " of " + i + " right");
                if (i == 5) {
                    browser.screenshot(page, "judge-reveal");
                }
                JudgePages.nextImage(page, i + 1, IMAGES, 15_000, JudgePages.servedTo(jdbc, NICKNAME));
            }
        }

        assertThat(page.locator("#judge-result")).containsText("Accuracy 100 %");
        assertThat(page.locator("#judge-result")).containsText("100 points");
        assertThat(page.locator("#judge-ranking-generators")).containsText("fooled");
        assertThat(page.locator("#judge-ranking-generators")).containsText("evaluations");
        assertThat(page.locator("#judge-leaderboard")).containsText(NICKNAME);
        assertThat(answered()).isEqualTo(IMAGES);
        page.locator("#judge-ranking").scrollIntoViewIfNeeded();
        browser.screenshot(page, "judge-ranking");

        // Timed mode: the server issues the exposure and the page hides the image once it has passed.
        page.locator("#judge-mode").click();
        page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText("Timed")).click();
        assertThat(page.locator("#judge-leaderboard")).containsText("timed");
        page.locator("#judge-start").click();
        assertThat(progress).containsText("shown for 500 ms");
        assertThat(page.locator("#judge-image")).isHidden();
        page.keyboard().press(currentImageIsReal() ? "r" : "f");
        assertThat(page.locator("#judge-reveal")).containsText("Right:");
        assertThat(page.locator("#judge-image")).isVisible();
        browser.screenshot(page, "judge-timed");
    }

    /** The truth of the image waiting for this player's answer, read where only the server keeps it. */
    private boolean currentImageIsReal() {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                select i.real from judge_item i join judge_session s on s.id = i.session_id
                  join player p on p.id = s.player_id
                 where p.nickname = ? and i.answered_at is null and i.served_at is not null
                 order by s.id desc, i.position limit 1""", Boolean.class, NICKNAME));
    }

    private long answered() {
        Long count = jdbc.queryForObject("""
                select count(*) from judge_item i join judge_session s on s.id = i.session_id
                  join player p on p.id = s.player_id where p.nickname = ? and i.correct""", Long.class, NICKNAME);
        return count == null ? 0 : count;
    }
}
