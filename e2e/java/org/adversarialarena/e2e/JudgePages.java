package org.adversarialarena.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the Judge journeys do on the page alike. */
final class JudgePages {

    /** How long a pressed N may take to bring the next image before the player tries again. */
    private static final double NEXT_IMAGE_MS = 10_000;

    /**
     * The page's state in one script that cannot wait: an element Vaadin never rendered (the message
     * paragraph is hidden from its first attach, so it has no id in the DOM) reads as null instead of
     * stalling the journey for Playwright's timeout, as it did once in CI.
     */
    private static final String PAGE_STATE = """
            () => {
              const text = id => { const e = document.getElementById(id); return e ? e.textContent : null; };
              const next = document.getElementById('judge-next');
              const focus = document.activeElement;
              const requests = performance.getEntriesByType('resource')
                .filter(r => r.name.includes('v-r=uidl')).slice(-3)
                .map(r => Math.round(r.startTime) + ' ms +' + Math.round(r.duration));
              return 'progress ' + JSON.stringify(text('judge-progress')) + ', message ' + JSON.stringify(text('judge-message'))
                + ', Next ' + (next ? (next.hidden ? 'hidden' : 'shown') + (next.hasAttribute('disabled') ? ' disabled' : '') : 'absent')
                + ', focus on ' + (focus ? (focus.id || focus.tagName) : 'nothing') + ', page has focus ' + document.hasFocus()
                + ', now ' + Math.round(performance.now()) + ' ms, last keys ' + JSON.stringify((window.judgeKeys || []).slice(-6))
                + ', last UIDL requests ' + JSON.stringify(requests);
            }""";

    /**
     * Records every key the page receives, as the window sees it first (capture) and as the body sees
     * it last (bubbling, where Vaadin's page-wide shortcuts listen), so a lost N shows whether the key
     * reached the page, was stopped on its way, or reached the shortcut and sent nothing.
     */
    private static final String RECORD_KEYS = """
            () => {
              if (window.judgeKeys) return;
              window.judgeKeys = [];
              performance.setResourceTimingBufferSize(100000);
              const record = phase => e => window.judgeKeys.push(phase + ' ' + e.key + ' on '
                  + (e.target.id || e.target.tagName) + ' at ' + Math.round(performance.now()) + ' ms'
                  + (e.defaultPrevented ? ' (prevented)' : ''));
              window.addEventListener('keydown', record('window'), true);
              document.body.addEventListener('keydown', record('body'), false);
            }""";

    private JudgePages() {
    }

    /**
     * Brings the next image as a player would and waits until the progress line shows image
     * {@code next}. In CI a pressed N is lost now and then: the page stays on its reveal and no request
     * leaves the browser (docs/accessibility.md, cause not found). A player would press again and then
     * click Next, so the journey does, and logs the page's and the server's state each time; the page
     * refuses an N or a click that means nothing, so no image is skipped.
     *
     * @param served the server's own account of the session (how many images it has served), for the log
     */
    static void nextImage(Page page, int next, int total, double timeoutMs, Supplier<String> served) {
        Pattern shown = Pattern.compile("image " + next + " of " + total + " ", Pattern.CASE_INSENSITIVE);
        double firstTries = Math.min(NEXT_IMAGE_MS, timeoutMs);
        page.evaluate(RECORD_KEYS);
        page.keyboard().press("n");
        if (arrives(page, shown, firstTries)) {
            return;
        }
        report(page, "N brought no image " + next, served);
        page.keyboard().press("n");
        if (arrives(page, shown, firstTries)) {
            return;
        }
        report(page, "a second N brought no image " + next + "; clicking Next", served);
        page.locator("#judge-next").click();
        assertThat(page.locator("#judge-progress")).containsText(shown,
                new LocatorAssertions.ContainsTextOptions().setTimeout(timeoutMs));
    }

    /** The server's account of the player's latest session, read from the database. */
    static Supplier<String> servedTo(JdbcTemplate jdbc, String nickname) {
        return () -> jdbc.queryForObject("""
                select 'served ' || count(i.served_at) || ', answered ' || count(i.answered_at) || ' of ' || count(*)
                  from judge_item i where i.session_id = (select max(s.id) from judge_session s
                  join player p on p.id = s.player_id where p.nickname = ?)""", String.class, nickname);
    }

    private static boolean arrives(Page page, Pattern shown, double timeoutMs) {
        try {
            assertThat(page.locator("#judge-progress")).containsText(shown,
                    new LocatorAssertions.ContainsTextOptions().setTimeout(timeoutMs));
            return true;
        } catch (AssertionError notYet) {
            return false;
        }
    }

    private static void report(Page page, String what, Supplier<String> served) {
        System.out.println("Judge journey: " + what + " within " + NEXT_IMAGE_MS + " ms. Page: " + page.evaluate(PAGE_STATE)
                + ". Server: " + served.get());
    }
}
