package org.adversarialarena.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.adversarialarena.base.ui.ArenaSection;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A student whose browser reads Simplified Chinese: every page that needs no sign-in speaks Chinese,
 * with no English left on it but names and units; each page is photographed for docs/screenshots/zh/.
 * Then the student switches to English with the title bar's menu, and back, and the choice outlives
 * the reload. An admin (who is an instructor too) finds the signed-in pages in Chinese as well; only
 * what the app stored in English and marks so ({@code lang="en"}: the audit log's details) stays English.
 */
// The same admin as AccountsJourneyTest's: both classes share one application context.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "arena.admin.email=" + AccountsJourneyTest.ADMIN, "arena.admin.password=" + AccountsJourneyTest.PASSWORD})
class ChineseJourneyTest extends BrowserJourney {

    private static final Path SCREENSHOTS = Path.of("docs/screenshots/zh");
    private static final Path AXE = Path.of("e2e/axe/axe.min.js");

    /** axe-core's rules for WCAG 2.0, 2.1 and 2.2 at levels A and AA; what each page breaks, as text. */
    private static final String RUN_AXE = """
            async () => {
              const result = await axe.run(document, { runOnly: { type: 'tag',
                  values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
              return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
                  .map((v) => v.impact + ' ' + v.id + ': ' + v.nodes.slice(0, 4)
                      .map((n) => n.target.join(' ') + ' (' + n.failureSummary.replace(/\s+/g, ' ') + ')').join(', '));
            }
            """;

    private final Map<String, List<String>> violations = new LinkedHashMap<>();

    /**
     * Latin words that are right on a Chinese page: names of data sets, attacks, architectures,
     * standards and file formats (CSV, ZIP), measures (HYPE, FID) and people (Madry, Goodfellow),
     * symbols of formulas (sign, log) and units, and the English language's own name in the menu.
     */
    private static final Set<String> ALLOWED = Set.of("MNIST", "Fashion", "FGSM", "PGD", "JSMA", "DeepFool", "APGD",
            "LeNet", "MLP", "GAN", "cGAN", "DCGAN", "WGAN", "Wasserstein", "HYPE", "FID", "Madry", "Goodfellow",
            "TOTP", "otpauth", "sign", "log", "English", "ms", "Shift", "Ctrl", "CSV", "ZIP", "UTC");

    /** E-mail addresses and web addresses are names: a person's, a page's. */
    private static final Pattern ADDRESS = Pattern.compile("\\S+@\\S+|https?://\\S+");

    /** Latin words of three letters or more: shorter ones are symbols (x, w, L0, v3). */
    private static final Pattern WORD = Pattern.compile("\\p{IsLatin}{3,}");

    /**
     * The visible text of the page, through the shadow roots of web components, with the names that
     * assistive technology reads (aria-label, alt, title, placeholder) and the document's title.
     * Vaadin's development tools are not the app's and are left out.
     */
    private static final String READ_TEXTS = """
            () => {
              const out = [document.title];
              const visible = (el) => !el.checkVisibility || el.checkVisibility();
              const walk = (root) => {
                for (const node of root.childNodes) {
                  if (node.nodeType === Node.TEXT_NODE) {
                    if (node.parentElement && visible(node.parentElement)) out.push(node.textContent);
                  } else if (node.nodeType === Node.ELEMENT_NODE) {
                    const tag = node.tagName.toLowerCase();
                    if (tag === 'script' || tag === 'style' || tag.startsWith('vaadin-dev-tools')
                        || tag.startsWith('copilot')) continue;
                    // Stored English records (the audit log's details) are marked as English, not translated.
                    if ((node.getAttribute('lang') ?? '').startsWith('en')) continue;
                    if (visible(node)) {
                      for (const name of ['aria-label', 'alt', 'title', 'placeholder']) {
                        if (node.hasAttribute(name)) out.push(node.getAttribute(name));
                      }
                    }
                    if (node.shadowRoot) walk(node.shadowRoot);
                    walk(node);
                  }
                }
              };
              walk(document.body);
              return out.join('\\n');
            }
            """;

    @Test
    void aChineseReaderFindsEveryPageInChineseAndCanSwitchToEnglishAndBack() throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Page page = browser.newPageIn("zh-CN");
        page.setViewportSize(1440, 1500);
        page.navigate(url("/"));
        page.locator("#home-view").waitFor(new Locator.WaitForOptions().setTimeout(BrowserSession.FIRST_PAGE_TIMEOUT_MS));
        assertThat(page.locator("html")).hasAttribute("lang", "zh-CN");
        assertThat(page.locator("#home-view h2")).hasText("欢迎来到竞技场");
        speaksChinese(page, "home");

        page.navigate(url("/fool"));
        Locator nickname = page.locator("#nickname-field input");
        nickname.waitFor();
        assertThat(page.locator("#nickname-dialog")).containsText("选择一个昵称");
        speaksChinese(page, "fool-nickname");
        nickname.fill("学生甲");
        page.locator("#nickname-join").click();
        assertThat(page.locator("#fool-status")).containsText("最可能的类别",
                new LocatorAssertions.ContainsTextOptions().setTimeout(60_000));
        speaksChinese(page, "fool");
        // Giving up on level 2 shows the machine's attacks and the linear toy model's explanation.
        choose(page, "#fool-level", "轻微触碰");
        assertThat(page.locator("#fool-give-up")).isEnabled();
        page.locator("#fool-give-up").click();
        assertThat(page.locator("#fool-comparison-machine-3")).isVisible(
                new LocatorAssertions.IsVisibleOptions().setTimeout(60_000));
        assertThat(page.locator("#fool-linear-toy-numbers")).containsText("ε = ");
        speaksChinese(page, "fool-give-up-faint-touch");

        for (ArenaSection section : ArenaSection.values()) {
            if (section == ArenaSection.HOME || section == ArenaSection.FOOL) {
                continue;
            }
            page.locator("#nav-" + section.id()).click();
            assertThat(page.locator("#" + section.viewId())).isVisible();
            speaksChinese(page, section.id());
        }
        // A workshop's join page, where students arrive with the code, needs no sign-in either.
        page.navigate(url("/play"));
        assertThat(page.locator("#workshop-play")).isVisible();
        speaksChinese(page, "workshop-play");

        for (String signInPage : List.of("login", "register")) {
            page.navigate(url("/" + signInPage));
            assertThat(page.locator("#" + signInPage + "-view")).isVisible();
            speaksChinese(page, signInPage);
        }

        page.navigate(url("/"));
        choose(page, "#language-switch", "English");
        assertThat(page.locator("#home-view h2")).hasText("Welcome to the arena");
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        assertThat(languageCookie(page)).isEqualTo("en");
        page.reload();
        assertThat(page.locator("#home-view h2")).hasText("Welcome to the arena");
        choose(page, "#language-switch", "简体中文");
        assertThat(page.locator("#home-view h2")).hasText("欢迎来到竞技场");
        assertThat(languageCookie(page)).isEqualTo("zh-CN");
        violations.forEach((name, found) -> System.out.println("[axe] " + name + ": " + (found.isEmpty() ? "none" : found)));
        assertThat(violations.values().stream().flatMap(List::stream).toList()).as("serious or critical axe findings")
                .isEmpty();
    }

    /** The pages behind the sign-in: My account, Accounts, the workshops (list, plan editor, host console) and the Lab. */
    @Test
    void aChineseAdminFindsTheSignedInPagesInChinese() throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Page page = browser.newPageIn("zh-CN");
        page.setViewportSize(1440, 1500);
        page.navigate(url("/login"));
        page.locator("vaadin-login-form").waitFor(new Locator.WaitForOptions().setTimeout(BrowserSession.FIRST_PAGE_TIMEOUT_MS));
        page.locator("vaadin-login-form input[name='username']").fill(AccountsJourneyTest.ADMIN);
        page.locator("vaadin-login-form input[name='password']").fill(AccountsJourneyTest.PASSWORD);
        page.locator("vaadin-login-form input[name='password']").press("Enter");
        assertThat(page.locator("#sign-out")).isVisible();

        page.navigate(url("/account"));
        assertThat(page.locator("#my-account-view")).isVisible();
        speaksChinese(page, "my-account");
        page.navigate(url("/admin/accounts"));
        assertThat(page.locator("#accounts-admin-view")).isVisible();
        speaksChinese(page, "accounts-admin");

        page.navigate(url("/workshops"));
        assertThat(page.locator("#workshops-view")).isVisible();
        page.locator("#workshop-new").click();
        assertThat(page.locator("#workshop-plan-view")).isVisible();
        speaksChinese(page, "workshop-plan");
        page.locator("#workshop-plan-name input").fill("周四研讨课");
        page.locator("#workshop-plan-save").click();
        assertThat(page.locator("#workshop-plans")).containsText("周四研讨课");
        speaksChinese(page, "workshops");
        page.locator("[id^='workshop-run-']").first().click();
        assertThat(page.locator("#workshop-host-code")).isVisible();
        speaksChinese(page, "workshop-host");

        page.navigate(url("/lab"));
        assertThat(page.locator("#" + ArenaSection.LAB.viewId())).isVisible();
        speaksChinese(page, "lab-signed-in");

        violations.forEach((name, found) -> System.out.println("[axe] " + name + ": " + (found.isEmpty() ? "none" : found)));
        assertThat(violations.values().stream().flatMap(List::stream).toList()).as("serious or critical axe findings")
                .isEmpty();
    }

    /** WCAG 2.1.1 and 2.4.7 on the frame and the home page: everything reachable by Tab, with a visible focus. */
    @Test
    void aKeyboardReachesTheLanguageMenuTheNavigationAndEveryGameWithAVisibleFocus() {
        Page page = browser.newPageIn("zh-CN");
        page.navigate(url("/"));
        page.locator("#home-view").waitFor(new Locator.WaitForOptions().setTimeout(BrowserSession.FIRST_PAGE_TIMEOUT_MS));
        Set<String> wanted = new TreeSet<>(List.of("language-switch"));
        for (ArenaSection section : ArenaSection.values()) {
            wanted.add("nav-" + section.id());
            if (section != ArenaSection.HOME) {
                wanted.add("home-card-" + section.id());
            }
        }
        Set<String> reached = new TreeSet<>();
        Set<String> unmarked = new TreeSet<>();
        for (int presses = 0; presses < 60 && !reached.containsAll(wanted); presses++) {
            page.keyboard().press("Tab");
            @SuppressWarnings("unchecked")
            List<Object> focused = (List<Object>) page.evaluate("""
                    () => {
                      const element = document.activeElement?.closest('[id]');
                      if (!element) return ['', true];
                      let inner = document.activeElement;
                      while (inner.shadowRoot?.activeElement) inner = inner.shadowRoot.activeElement;
                      const marked = (e) => { const s = getComputedStyle(e);
                        return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none'
                            || e.hasAttribute('focus-ring'); };
                      return [element.id, marked(inner) || marked(document.activeElement)];
                    }""");
            String id = (String) focused.get(0);
            reached.add(id);
            if (wanted.contains(id) && !Boolean.TRUE.equals(focused.get(1))) {
                unmarked.add(id);
            }
        }
        assertThat(reached).as("reached by Tab").containsAll(wanted);
        assertThat(unmarked).as("focused without a visible focus indicator").isEmpty();
    }

    /** Photographs the page and fails on any English word that is not a name, a symbol or a unit. */
    private void speaksChinese(Page page, String name) {
        // Live feedback (bars, verdicts) arrives by push after the page is shown.
        page.waitForLoadState();
        page.waitForTimeout(500);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
        String texts = (String) page.evaluate(READ_TEXTS);
        Set<String> english = new TreeSet<>();
        Matcher word = WORD.matcher(ADDRESS.matcher(texts).replaceAll(" "));
        while (word.find()) {
            if (!ALLOWED.contains(word.group())) {
                english.add(word.group() + " in «" + around(texts, word.start()) + "»");
            }
        }
        assertThat(english).as("English on the Chinese page " + name).isEmpty();
        accessible(page, name);
    }

    /** Runs axe-core on the page as it is now and keeps its serious and critical findings. */
    @SuppressWarnings("unchecked")
    private void accessible(Page page, String name) {
        try {
            page.evaluate(Files.readString(AXE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        violations.put(name, (List<String>) page.evaluate(RUN_AXE));
    }

    private static String around(String text, int at) {
        return text.substring(Math.max(0, at - 30), Math.min(text.length(), at + 30)).replace('\n', ' ');
    }

    private static String languageCookie(Page page) {
        return page.context().cookies().stream().filter(c -> "arena-language".equals(c.name)).map(c -> c.value)
                .findFirst().orElse("");
    }

    /** Picks an item of a Vaadin select; opens the list again if it closed before the click landed. */
    private static void choose(Page page, String select, String itemText) {
        Locator option = page.locator("vaadin-select-item[role='option']")
                .filter(new Locator.FilterOptions().setHasText(itemText));
        for (int attempt = 1; option.count() == 0 || !option.first().isVisible(); attempt++) {
            assertThat(attempt).as("the menu " + select + " opens").isLessThan(20);
            page.locator(select).click();
            page.waitForTimeout(200);
        }
        option.first().click();
        page.waitForLoadState();
    }
}
