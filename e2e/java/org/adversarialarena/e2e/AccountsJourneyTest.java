package org.adversarialarena.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.adversarialarena.account.Totp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * An admin invites an instructor, the instructor accepts, signs in, adds a second factor and signs in
 * with it; nobody reaches a page that is not theirs, and the content security policy lets Vaadin work
 * throughout.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "arena.admin.email=" + AccountsJourneyTest.ADMIN, "arena.admin.password=" + AccountsJourneyTest.PASSWORD})
class AccountsJourneyTest extends BrowserJourney {

    static final String ADMIN = "head@example.org";
    static final String PASSWORD = "journeys need long passwords";
    private static final String INSTRUCTOR = "teacher@example.org";
    private static final String INSTRUCTOR_PASSWORD = "chalk dust and neural nets";

    @Test
    void anAdminInvitesAnInstructorWhoSignsInAndNobodyReachesWhatIsNotTheirs() {
        Page page = browser.newPage();
        List<String> blocked = new CopyOnWriteArrayList<>();
        page.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                blocked.add(message.text());
            }
        });

        // students play without an account: the games open, with a discreet sign-in link
        page.navigate(url("/"));
        page.locator("#home-view").waitFor(new Locator.WaitForOptions().setTimeout(BrowserSession.FIRST_PAGE_TIMEOUT_MS));
        assertThat(page.locator("#sign-in-link")).isVisible();

        // an anonymous visitor asking for the admin page gets the sign-in instead
        page.navigate(url("/admin/accounts"));
        assertThat(page.locator("#login-view")).isVisible();

        signIn(page, ADMIN, PASSWORD);
        page.navigate(url("/admin/accounts"));
        assertThat(page.locator("#accounts-admin-view")).isVisible();
        page.locator("#invite-email input").fill(INSTRUCTOR);
        page.locator("#invite-button").click();
        assertThat(page.locator("#issued-link")).hasText(Pattern.compile("^http://localhost:\\d+/account/link\\?token=.{43}$"));
        String invitation = page.locator("#issued-link").textContent();
        assertThat(page.locator("#accounts-grid")).containsText(INSTRUCTOR);
        browser.screenshot(page, "accounts-admin");
        page.locator("#sign-out").click();
        assertThat(page.locator("#sign-in-link")).isVisible();

        page.navigate(invitation);
        assertThat(page.locator("#link-view")).isVisible();
        page.locator("#link-name input").fill("Ms Teacher");
        page.locator("#new-password input").fill(INSTRUCTOR_PASSWORD);
        page.locator("#new-password-repeat input").fill(INSTRUCTOR_PASSWORD);
        page.locator("#link-save").click();
        assertThat(page.locator("#login-view")).isVisible();

        signIn(page, INSTRUCTOR, INSTRUCTOR_PASSWORD);
        page.navigate(url("/account"));
        assertThat(page.locator("#my-account-view")).containsText("Ms Teacher");
        page.navigate(url("/admin/accounts"));
        assertThat(page.locator("#accounts-admin-view")).hasCount(0);
        page.navigate(url("/fool"));
        assertThat(page.locator("#fool-view")).isVisible();

        // the instructor adds a second factor; from then on the password alone is not enough
        page.navigate(url("/account"));
        page.locator("#totp-start").click();
        assertThat(page.locator("#totp-qr")).isVisible();
        String secret = page.locator("#totp-secret").textContent().strip();
        page.locator("#totp-setup-code input").fill(Totp.codeAt(secret, Instant.now()));
        page.locator("#totp-confirm").click();
        assertThat(page.locator("#totp-remove")).isVisible();
        page.locator("#sign-out").click();
        assertThat(page.locator("#sign-in-link")).isVisible();

        enterPassword(page, INSTRUCTOR, INSTRUCTOR_PASSWORD);
        assertThat(page.locator("#second-factor-view")).isVisible();
        page.navigate(url("/account"));
        assertThat(page.locator("#second-factor-view")).isVisible();
        // the code just used works only once: the next step's code is what the app shows next
        String sessionBeforeCode = sessionCookie(page);
        page.locator("#totp-code input").fill(Totp.codeAt(secret, Instant.now().plusSeconds(30)));
        page.locator("#totp-verify").click();
        assertThat(page.locator("#my-account-view")).containsText("Ms Teacher");
        assertThat(sessionCookie(page)).as("the session id after the second factor").isNotEqualTo(sessionBeforeCode);
        page.navigate(url("/fool"));
        assertThat(page.locator("#fool-view")).isVisible();
        page.navigate(url("/account"));
        assertThat(page.locator("#my-account-view")).isVisible();

        assertThat(blocked).as("resources the content security policy blocked").isEmpty();
    }

    private void signIn(Page page, String email, String password) {
        enterPassword(page, email, password);
        assertThat(page.locator("#sign-out")).isVisible();
    }

    private static String sessionCookie(Page page) {
        return page.context().cookies().stream().filter(cookie -> cookie.name.equals("JSESSIONID"))
                .map(cookie -> cookie.value).findFirst().orElse("");
    }

    private void enterPassword(Page page, String email, String password) {
        page.navigate(url("/login"));
        page.locator("vaadin-login-form input[name='username']").fill(email);
        page.locator("vaadin-login-form input[name='password']").fill(password);
        page.locator("vaadin-login-form input[name='password']").press("Enter");
    }
}
