package org.adversarialarena.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Someone signed in on two computers ends the session they left open: the forgotten tab goes to the
 * sign-in page by itself, through its Push connection, and the tab that asked stays signed in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "arena.admin.email=" + AccountsJourneyTest.ADMIN, "arena.admin.password=" + AccountsJourneyTest.PASSWORD})
class SessionsJourneyTest extends BrowserJourney {

    @Test
    void aForgottenTabLandsOnTheSignInPageWhenItsOwnerEndsTheirOtherSessions() {
        Page forgotten = browser.newPage();
        forgotten.navigate(url("/"));
        forgotten.locator("#home-view").waitFor(
                new Locator.WaitForOptions().setTimeout(BrowserSession.FIRST_PAGE_TIMEOUT_MS));
        signIn(forgotten);
        forgotten.navigate(url("/account"));
        assertThat(forgotten.locator("#my-account-view")).isVisible();

        Page asking = browser.newPageElsewhere();
        signIn(asking);
        asking.navigate(url("/account"));
        asking.locator("#end-other-sessions").click();

        // nobody touches the forgotten tab: the server pushes it to the sign-in page
        assertThat(forgotten.locator("#login-view")).isVisible();
        asking.navigate(url("/admin/accounts"));
        assertThat(asking.locator("#accounts-admin-view")).isVisible();
        forgotten.navigate(url("/account"));
        assertThat(forgotten.locator("#login-view")).isVisible();
    }

    private void signIn(Page page) {
        page.navigate(url("/login"));
        page.locator("vaadin-login-form input[name='username']").fill(AccountsJourneyTest.ADMIN);
        page.locator("vaadin-login-form input[name='password']").fill(AccountsJourneyTest.PASSWORD);
        page.locator("vaadin-login-form input[name='password']").press("Enter");
        assertThat(page.locator("#sign-out")).isVisible();
    }
}
