package org.adversarialarena.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.ScreenshotScale;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.adversarialarena.catalog.ModelCatalog;
import org.adversarialarena.ml.attack.AttackGoal;
import org.adversarialarena.ml.attack.GradientAttack;
import org.adversarialarena.ml.attack.Norm;
import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.ml.model.ClassifierArchitecture;
import org.adversarialarena.ml.model.ClassifierId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A workshop in real Chromium, each person in a browser context of their own: the host writes a plan
 * (one Faint-touch round, the same image for everyone) and runs it; the projector shows the code, the
 * QR code and who joined; two students join from the code's link, one on a phone (390 × 844, touch,
 * mobile) by typing the code. In the round one student submits the image PGD makes of the very image
 * the server handed out (sent through the canvas's own report event), the one on the phone taps and
 * swipes the canvas (timed to the class bars) and taps Submit, one reloads the page mid-round and
 * comes back to the same seat. The round closes when all three have submitted; the projector
 * reveals it (success rate, best image with its nickname, the class's heat map beside the machine's
 * FGSM), the host ends the workshop, the projector shows the podium and each student their summary;
 * the host downloads the CSV. Screenshots of each screen go to target/screenshots, the phone's to
 * docs/screenshots (workshop-phone-*.png).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "arena.admin.email=" + WorkshopJourneyTest.HOST, "arena.admin.password=" + WorkshopJourneyTest.PASSWORD})
class WorkshopJourneyTest extends BrowserJourney {

    static final String HOST = "host@example.org";
    static final String PASSWORD = "a workshop needs a long password";
    private static final int SIDE = 28;
    private static final Path DOCS = Path.of("docs", "screenshots");
    private static final int TIMED_STROKES = 5;
    private static final double FIRST_PAGE_MS = 3 * BrowserSession.FIRST_PAGE_TIMEOUT_MS;
    private static final LocatorAssertions.IsVisibleOptions SLOW = new LocatorAssertions.IsVisibleOptions().setTimeout(90_000);
    private static final LocatorAssertions.ContainsTextOptions SLOW_TEXT =
            new LocatorAssertions.ContainsTextOptions().setTimeout(90_000);

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ModelCatalog models;

    @Test
    void anInstructorRunsAFoolRoundWithThreeStudentsFromTheLobbyToThePodium() throws IOException {
        Page host = browser.newPage();
        host.setViewportSize(1280, 1400);
        signIn(host);
        long runId = writeAndRunAPlan(host, "Thursday seminar",
                plan -> chooseInSelect(plan, "#workshop-round-0 vaadin-select.workshop-round-level", "Faint touch"));
        String code = codeOn(host);

        Page projector = host.context().newPage();
        projector.setViewportSize(1600, 1000);
        projector.navigate(url("/workshops/projector/" + runId));
        assertThat(projector.locator("#workshop-code")).hasText(code.substring(0, 3) + " " + code.substring(3));
        assertThat(projector.locator("#workshop-qr")).isVisible();
        assertThat(projector.locator("#workshop-join-at")).containsText("/play");

        Page ada = student("Ada", code);
        Page ben = studentOnAPhone("Ben", code);
        Page cy = student("Cy", code);
        assertThat(projector.locator("#workshop-names")).containsText("3 joined");
        assertThat(projector.locator("#workshop-names")).containsText("Cy");
        browser.screenshot(projector, "workshop-projector-lobby");

        host.locator("#workshop-next").click();
        for (Page student : List.of(ada, ben, cy)) {
            // the round's first challenge picks the image and loads the judging model: slow on a busy machine
            assertThat(student.locator("#workshop-game")).isVisible(SLOW);
            assertThat(student.locator("#workshop-status")).containsText("Top class");
        }
        assertThat(projector.locator("#workshop-submitted")).hasText("0 of 3 submitted");
        assertThat(projector.locator("#workshop-countdown")).hasText(Pattern.compile("^[0-2]:\\d\\d$"));

        // Ada sends what PGD makes of her image, as the canvas reports a stroke
        float[] adversarial = pgdOnTheImageOf("Ada");
        ada.locator("#workshop-canvas").evaluate("""
                (canvas, pixels) => {
                  canvas.setImage(pixels);
                  canvas.dispatchEvent(new CustomEvent('image-change', { detail: { pixels, seq: 1 } }));
                }""", toList(adversarial));
        assertThat(ada.locator("#workshop-status")).containsText("Fooled");
        browser.screenshot(ada, "workshop-student-playing");
        ada.locator("#workshop-submit").click();
        assertThat(ada.locator("#workshop-message")).containsText("Waiting for the others");
        assertThat(ada.locator("#workshop-result")).containsText("You fooled the model");
        assertThat(projector.locator("#workshop-submitted")).hasText("1 of 3 submitted");
        assertThat(host.locator("#workshop-host-submitted")).hasText("1 of 3 submitted");

        // Cy reloads mid-round and is back in the same seat, on the same challenge
        String cysChallenge = challengeOf("Cy");
        cy.reload();
        assertThat(cy.locator("#workshop-who")).hasText("You play as Cy");
        assertThat(cy.locator("#workshop-game")).isVisible();
        assertThat(cy.locator("#workshop-status")).containsText("Top class");
        assertThat(challengeOf("Cy")).isEqualTo(cysChallenge);
        assertThat(jdbc.queryForObject("select count(*) from workshop_seat where run_id = ? and nickname = 'Cy'",
                Integer.class, runId)).isEqualTo(1);
        cy.locator("#workshop-submit").click();
        assertThat(cy.locator("#workshop-message")).containsText("Waiting for the others");

        // Ben, on his phone, taps a few pixels and swipes a line, each answered by the model's bars, and taps Submit last
        fitsAcrossThePhone(ben);
        for (String part : List.of("#workshop-play-countdown", "#workshop-canvas canvas", "#workshop-status", "#workshop-submit")) {
            BoundingBox shown = ben.locator(part).boundingBox();
            assertThat(shown.y).as("%s starts on the phone's screen", part).isGreaterThanOrEqualTo(0);
            assertThat(shown.y + shown.height).as("%s ends on the phone's screen", part).isLessThanOrEqualTo(844);
        }
        RoundTripTimer timer = new RoundTripTimer(ben, "#workshop-canvas", "#workshop-bars");
        ben.locator("#workshop-canvas").evaluate(
                "canvas => { window.pointerTypes = []; canvas.addEventListener('pointerdown', e => window.pointerTypes.push(e.pointerType)); }");
        ben.locator("#workshop-canvas canvas").scrollIntoViewIfNeeded();
        BoundingBox box = ben.locator("#workshop-canvas canvas").boundingBox();
        for (int stroke = 1; stroke <= TIMED_STROKES; stroke++) {
            tap(ben, box, 3 * SIDE + 3 + stroke * 4);
            timer.awaitStrokes(stroke);
        }
        swipe(ben, box, 20, 4, 20, 22);
        timer.awaitStrokes(TIMED_STROKES + 1);
        timer.record("Workshop, phone: touch end to class bars", "Workshop, phone: report sent to class bars",
                "workshop-round-trip.txt", TIMED_STROKES + 1);
        assertThat(ben.evaluate("() => window.pointerTypes")).isEqualTo(java.util.Collections.nCopies(TIMED_STROKES + 1, "touch"));
        assertTappable(ben, "#workshop-submit");
        assertTappable(ben, "#workshop-canvas #brush");
        assertTappable(ben, "#workshop-canvas #undo");
        phoneScreenshot(ben, "workshop-phone-playing");
        // Clicked, not tapped: after the swipe dispatched through the DevTools protocol, Chromium delivers a
        // tap's touch and pointer events to Submit (none prevented) but synthesises no click from them.
        ben.locator("#workshop-submit").click();

        // everyone submitted: the round closes (judging the last submission waits for a core on a busy machine)
        // and the projector reveals it
        assertThat(ben.locator("#workshop-message")).containsText("The round is over",
                new LocatorAssertions.ContainsTextOptions().setTimeout(90_000));
        assertThat(projector.locator("#workshop-reveal")).isVisible(SLOW);
        assertThat(projector.locator("#workshop-reveal-rate")).containsText("of 3 fooled the model");
        assertThat(projector.locator("#workshop-best-0")).containsText("Ada");
        assertThat(projector.locator("#workshop-map-class")).isVisible();
        assertThat(projector.locator("#workshop-map-original")).isVisible();
        assertThat(projector.locator("#workshop-map-machine-0")).isVisible(SLOW);
        assertThat(projector.locator("#workshop-map-machine-0")).containsText("signed gradient");
        assertThat(projector.locator("#workshop-map-machine-3")).isVisible(SLOW);
        assertThat(projector.locator("#workshop-projector-standings")).containsText("Ada");
        browser.screenshot(projector, "workshop-projector-reveal");
        assertThat(ben.locator("#workshop-result")).isVisible();
        assertThat(jdbc.queryForObject("select e.l0 from workshop_entry e join workshop_seat s on s.id = e.seat_id"
                + " where e.run_id = ? and s.nickname = 'Ben'", Integer.class, runId)).as("pixels Ben's taps changed").isPositive();
        phoneScreenshot(ben, "workshop-phone-result");
        assertThat(host.locator("#workshop-host-status")).containsText("Round over");
        browser.screenshot(host, "workshop-host-console");

        host.locator("#workshop-finish").click();
        assertThat(projector.locator("#workshop-projector-standings")).containsText("Podium");
        assertThat(projector.locator("#workshop-projector-standings .workshop-rank-1").first()).containsText("Ada");
        assertThat(projector.locator("#workshop-end")).isVisible();
        browser.screenshot(projector, "workshop-projector-podium");
        assertThat(ada.locator("#workshop-message")).containsText("The workshop is over. You fooled the model in 1 of 1");
        assertThat(ada.locator("#workshop-message")).containsText("came 1 of 3");
        browser.screenshot(ada, "workshop-student-summary");

        Download download = host.waitForDownload(() -> host.locator("#workshop-export").click());
        String csv = Files.readString(download.path(), StandardCharsets.UTF_8);
        assertThat(csv).contains("round,level,dataset,nickname").contains(",faint-touch,mnist,Ada,,active,true,true,")
                .contains(",Ben,").contains(",Cy,");
        assertThat(csv.lines().count()).isEqualTo(4);
    }

    /**
     * The journey: an instructor, a projector and three students, each in a browser context of
     * their own, play a two-round workshop (a Fool round, then a Forge round against the class
     * detective) with teams of two placed by the server, to the podium; every screen is photographed
     * (target/screenshots/workshop-two-*.png) and the host downloads the CSV and the ZIP of images.
     */
    @Test
    void aClassInTeamsPlaysAFoolAndAForgeRoundToThePodium() throws IOException {
        Page host = browser.newPageElsewhere();
        host.setViewportSize(1280, 1400);
        signIn(host);
        long runId = writeAndRunAPlan(host, "Friday two rounds", plan -> {
            plan.locator("#workshop-plan-team-size input").fill("2");
            plan.locator("#workshop-plan-team-size input").press("Tab");
            chooseInSelect(plan, "#workshop-round-0 vaadin-select.workshop-round-level", "Faint touch");
            plan.locator("#workshop-round-0 vaadin-integer-field input").fill("900");
            plan.locator("#workshop-plan-add-round").click();
            chooseExactly(plan, "#workshop-round-1 vaadin-select.workshop-round-game", "Forge");
            chooseExactly(plan, "#workshop-round-1 vaadin-select.workshop-round-class", "7");
            browser.screenshot(plan, "workshop-two-plan");
        });
        String code = codeOn(host);

        Page projector = browser.newPageElsewhere();
        projector.setViewportSize(1600, 1100);
        signIn(projector);
        projector.navigate(url("/workshops/projector/" + runId));
        assertThat(projector.locator("#workshop-code")).hasText(code.substring(0, 3) + " " + code.substring(3));
        Map<String, Page> students = new LinkedHashMap<>();
        for (String nickname : List.of("Dee", "Eli", "Fay")) {
            students.put(nickname, student(nickname, code));
        }
        assertThat(students.get("Dee").locator("#workshop-who")).hasText("You play as Dee in team 1");
        assertThat(students.get("Eli").locator("#workshop-who")).hasText("You play as Eli in team 1");
        assertThat(students.get("Fay").locator("#workshop-who")).hasText("You play as Fay in team 2");
        assertThat(projector.locator("#workshop-names")).containsText("3 joined");
        browser.screenshot(projector, "workshop-two-projector-lobby");
        browser.screenshot(students.get("Fay"), "workshop-two-student-lobby");
        browser.screenshot(host, "workshop-two-host-lobby");

        // Round 1, Fool: Dee sends what PGD makes of her image, Eli and Fay the image unchanged
        host.locator("#workshop-next").click();
        for (Page student : students.values()) {
            assertThat(student.locator("#workshop-game")).isVisible(SLOW);
            assertThat(student.locator("#workshop-status")).containsText("Top class", SLOW_TEXT);
        }
        float[] adversarial = pgdOnTheImageOf("Dee");
        Page dee = students.get("Dee");
        dee.locator("#workshop-canvas").evaluate("""
                (canvas, pixels) => {
                  canvas.setImage(pixels);
                  canvas.dispatchEvent(new CustomEvent('image-change', { detail: { pixels, seq: 1 } }));
                }""", toList(adversarial));
        assertThat(dee.locator("#workshop-status")).containsText("Fooled", SLOW_TEXT);
        browser.screenshot(dee, "workshop-two-student-fool");
        browser.screenshot(projector, "workshop-two-projector-fool-round");
        for (Page student : students.values()) {
            student.locator("#workshop-submit").click();
            assertThat(student.locator("#workshop-result")).isVisible(SLOW);
        }
        assertThat(projector.locator("#workshop-reveal")).isVisible(SLOW);
        assertThat(projector.locator("#workshop-reveal-rate")).containsText("of 3 fooled the model");
        assertThat(projector.locator("#workshop-best-0")).containsText("Dee");
        assertThat(projector.locator("#workshop-projector-standings-teams")).containsText("Team 1", SLOW_TEXT);
        assertThat(projector.locator("#workshop-projector-standings-teams .workshop-rank-1")).containsText("Dee");
        assertThat(projector.locator("#workshop-map-machine-0")).isVisible(SLOW);
        browser.screenshot(projector, "workshop-two-projector-fool-reveal");
        browser.screenshot(dee, "workshop-two-student-fool-result");

        // Round 2, Forge: each forges a 7 (or something) on the Forge canvas against the class detective
        host.locator("#workshop-next").click();
        Map<String, float[]> drawings = Map.of("Dee", seven(0), "Eli", frame(), "Fay", seven(2));
        for (Map.Entry<String, Page> student : students.entrySet()) {
            Page page = student.getValue();
            assertThat(page.locator("#workshop-forge")).isVisible(SLOW);
            assertThat(page.locator("#workshop-round-title")).containsText("Forge: 7");
            page.locator("#workshop-forge-canvas").evaluate("""
                    (canvas, pixels) => {
                      canvas.setImage(pixels);
                      canvas.dispatchEvent(new CustomEvent('image-change', { detail: { pixels, seq: 1 } }));
                    }""", toList(drawings.get(student.getKey())));
            assertThat(page.locator("#workshop-forge #forge-class")).containsText("%", SLOW_TEXT);
        }
        browser.screenshot(students.get("Eli"), "workshop-two-student-forge");
        browser.screenshot(projector, "workshop-two-projector-forge-round");
        for (Page student : students.values()) {
            student.locator("#workshop-forge-submit").click();
            assertThat(student.locator("#workshop-result")).containsText("forgery", SLOW_TEXT);
        }
        assertThat(projector.locator("#workshop-reveal-rate")).containsText("fooled the class detective", SLOW_TEXT);
        assertThat(projector.locator("#workshop-reveal-catch")).containsText("The class detective caught");
        // drawn once the class detective's training at the close is stored
        assertThat(projector.locator("#workshop-reveal-loss, #workshop-reveal-loss-note")).isVisible(SLOW);
        assertThat(jdbc.queryForObject("select detective_losses is not null from workshop_run_round where run_id = ?"
                + " and position = 1", Boolean.class, runId)).isTrue();
        browser.screenshot(projector, "workshop-two-projector-forge-reveal");
        browser.screenshot(students.get("Fay"), "workshop-two-student-forge-result");
        browser.screenshot(host, "workshop-two-host-console");

        host.locator("#workshop-finish").click();
        assertThat(projector.locator("#workshop-projector-standings")).containsText("Podium", SLOW_TEXT);
        assertThat(projector.locator("#workshop-projector-standings-teams")).containsText("Team 2");
        assertThat(projector.locator("#workshop-end")).isVisible();
        browser.screenshot(projector, "workshop-two-projector-podium");
        for (Page student : students.values()) {
            assertThat(student.locator("#workshop-message")).containsText("The workshop is over", SLOW_TEXT);
        }
        browser.screenshot(dee, "workshop-two-student-summary");

        Download csvFile = host.waitForDownload(() -> host.locator("#workshop-export").click());
        List<String> csv = Files.readAllLines(csvFile.path(), StandardCharsets.UTF_8);
        assertThat(csv.getFirst()).endsWith(",forge_class,team");
        assertThat(csv).hasSize(7).anySatisfy(line -> assertThat(line).contains(",forge,mnist,Fay,").endsWith(",7,2"));
        Download zipFile = host.waitForDownload(() -> host.locator("#workshop-export-images").click());
        List<String> images = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(zipFile.path()))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                images.add(entry.getName());
            }
        }
        assertThat(images).containsExactlyInAnyOrder("round-01-faint-touch/Dee.png", "round-01-faint-touch/Eli.png",
                "round-01-faint-touch/Fay.png", "round-02-forge/Dee.png", "round-02-forge/Eli.png", "round-02-forge/Fay.png");
    }

    /** A 7 drawn in two strokes, {@code shift} pixels to the right (drawn, not generated: see WorkshopServiceIT). */
    private static float[] seven(int shift) {
        float[] pixels = new float[SIDE * SIDE];
        for (int x = 7; x < 21; x++) {
            pixels[6 * SIDE + x + shift] = 1f;
            pixels[7 * SIDE + x + shift] = 1f;
        }
        for (int y = 8; y < 24; y++) {
            int x = 20 - (y - 8) * 9 / 16 + shift;
            pixels[y * SIDE + x] = 1f;
            pixels[y * SIDE + x - 1] = 1f;
        }
        return pixels;
    }

    /** A square frame: no digit, and no copy of a real image. */
    private static float[] frame() {
        float[] pixels = new float[SIDE * SIDE];
        for (int i = 5; i < 23; i++) {
            pixels[5 * SIDE + i] = 0.8f;
            pixels[22 * SIDE + i] = 0.8f;
            pixels[i * SIDE + 5] = 0.8f;
            pixels[i * SIDE + 22] = 0.8f;
        }
        return pixels;
    }

    /**
     * Picks the item of a Vaadin select whose whole text is {@code itemText}, a plain word (a level named
     * "7 · …" is not "7"); Playwright hands the pattern to the browser, so no {@code Pattern.quote}.
     */
    private static void chooseExactly(Page page, String select, String itemText) {
        page.locator(select).click();
        page.locator("vaadin-select-item[role='option']:visible")
                .filter(new Locator.FilterOptions().setHasText(Pattern.compile("^\\s*" + itemText + "\\s*$")))
                .first().click();
        assertThat(page.locator(select)).containsText(itemText);
    }

    private void signIn(Page page) {
        // The first page waits for the dev-mode frontend bundle; on a busy shared machine that took over 3 minutes.
        page.navigate(url("/login"), new Page.NavigateOptions().setTimeout(FIRST_PAGE_MS));
        page.locator("vaadin-login-form").waitFor(new Locator.WaitForOptions().setTimeout(FIRST_PAGE_MS));
        page.locator("vaadin-login-form input[name='username']").fill(HOST);
        page.locator("vaadin-login-form input[name='password']").fill(PASSWORD);
        page.locator("vaadin-login-form input[name='password']").press("Enter");
        assertThat(page.locator("#sign-out")).isVisible();
    }

    /** A new plan named {@code name}, its rounds and options set by {@code details}, run at once; returns the run's id. */
    private long writeAndRunAPlan(Page host, String name, Consumer<Page> details) {
        host.navigate(url("/workshops"));
        host.locator("#workshop-new").click();
        host.locator("#workshop-plan-name input").fill(name);
        details.accept(host);
        host.locator("#workshop-plan-save").click();
        assertThat(host.locator("#workshop-plans")).containsText(name);
        browser.screenshot(host, "workshop-plans");
        host.locator("[id^='workshop-run-']").first().click();
        assertThat(host.locator("#workshop-host")).isVisible();
        // The console can render before the browser's history shows its address: wait for the address.
        host.waitForURL(Pattern.compile(".*/workshops/host/\\d+$"));
        Matcher id = Pattern.compile("/workshops/host/(\\d+)").matcher(host.url());
        assertThat(id.find()).as("the host console's address names the run").isTrue();
        return Long.parseLong(id.group(1));
    }

    private static String codeOn(Page host) {
        assertThat(host.locator("#workshop-host-code")).hasText(Pattern.compile("^Join code: \\d{6}$"));
        return host.locator("#workshop-host-code").textContent().replaceAll("\\D", "");
    }

    /** A student on a device of their own, joining from the code's link. */
    private Page student(String nickname, String code) {
        Page page = browser.newPageElsewhere();
        page.setViewportSize(420, 1100);
        page.navigate(url("/play/" + code));
        page.locator("#workshop-join-nickname input").fill(nickname);
        page.locator("#workshop-join").click();
        assertThat(page.locator("#workshop-message")).containsText("You’re in");
        return page;
    }

    /**
     * A student on a phone who opens the play page and types the code from the projector, touching
     * the fields and the button as a thumb does.
     */
    private Page studentOnAPhone(String nickname, String code) {
        Page page = browser.newPhone();
        page.navigate(url("/play"));
        assertThat(page.locator("#workshop-join-code input")).hasAttribute("inputmode", "numeric");
        page.locator("#workshop-join-code input").tap();
        page.locator("#workshop-join-code input").fill(code);
        page.locator("#workshop-join-nickname input").tap();
        page.locator("#workshop-join-nickname input").fill(nickname);
        fitsAcrossThePhone(page);
        assertTappable(page, "#workshop-join");
        assertTappable(page, "#workshop-join-suggest");
        phoneScreenshot(page, "workshop-phone-join");
        page.locator("#workshop-join").tap();
        assertThat(page.locator("#workshop-message")).containsText("You’re in");
        return page;
    }

    /** Nothing wider than the phone: the page never scrolls sideways. */
    private static void fitsAcrossThePhone(Page page) {
        assertThat((Integer) page.evaluate("() => document.documentElement.scrollWidth")).as("page width")
                .isLessThanOrEqualTo(page.viewportSize().width);
    }

    /** Big enough for a finger: at least 44 × 44 CSS pixels (Apple's minimum; Android asks 48 dp with its margin). */
    private static void assertTappable(Page page, String selector) {
        BoundingBox box = page.locator(selector).boundingBox();
        assertThat(box.height).as("%s's height", selector).isGreaterThanOrEqualTo(44);
        assertThat(box.width).as("%s's width", selector).isGreaterThanOrEqualTo(44);
    }

    /** What the phone's screen shows, for docs/screenshots. */
    private static void phoneScreenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(DOCS.resolve(name + ".png")).setScale(ScreenshotScale.CSS));
    }

    private String challengeOf(String nickname) {
        return jdbc.queryForObject("select e.challenge_id::text from workshop_entry e join workshop_seat s on s.id = e.seat_id"
                + " where s.nickname = ?", String.class, nickname);
    }

    /** PGD at the level's ε on the image the server handed this student, judged by the same plain LeNet. */
    private float[] pgdOnTheImageOf(String nickname) {
        Map<String, Object> challenge = jdbc.queryForMap("select c.image_index, c.true_class from fool_challenge c"
                + " join workshop_entry e on e.challenge_id = c.id join workshop_seat s on s.id = e.seat_id"
                + " where s.nickname = ?", nickname);
        float[] original = models.dataset(DatasetId.MNIST).test().image((Integer) challenge.get("image_index"));
        return GradientAttack.pgd(Norm.LINF, 0.3f, 40).toTheEnd().attack(
                models.classifier(new ClassifierId(DatasetId.MNIST, ClassifierArchitecture.LENET, 1)), original,
                AttackGoal.untargeted((Integer) challenge.get("true_class"))).adversarial();
    }

    /** Playwright passes doubles to the page, not floats; three decimals, as the canvas reports. */
    private static List<Double> toList(float[] values) {
        ArrayList<Double> list = new ArrayList<>(values.length);
        for (float value : values) {
            list.add(Math.round(value * 1000) / 1000.0);
        }
        return list;
    }

    private static void tap(Page page, BoundingBox box, int pixel) {
        page.touchscreen().tap(box.x + (pixel % SIDE + 0.5) * box.width / SIDE, box.y + (pixel / SIDE + 0.5) * box.height / SIDE);
    }

    /** A finger drawn across the canvas: touch start, moves, touch end, as the phone's screen reports them (Playwright taps only). */
    private static void swipe(Page page, BoundingBox box, int fromRow, int fromCol, int toRow, int toCol) {
        CDPSession screen = page.context().newCDPSession(page);
        int steps = 12;
        for (int step = 0; step <= steps; step++) {
            double col = fromCol + (toCol - fromCol) * step / (double) steps;
            double row = fromRow + (toRow - fromRow) * step / (double) steps;
            JsonObject point = new JsonObject();
            point.addProperty("x", box.x + (col + 0.5) * box.width / SIDE);
            point.addProperty("y", box.y + (row + 0.5) * box.height / SIDE);
            JsonArray points = new JsonArray();
            points.add(point);
            screen.send("Input.dispatchTouchEvent", touch(step == 0 ? "touchStart" : "touchMove", points));
        }
        screen.send("Input.dispatchTouchEvent", touch("touchEnd", new JsonArray()));
        screen.detach();
    }

    private static JsonObject touch(String type, JsonArray points) {
        JsonObject event = new JsonObject();
        event.addProperty("type", type);
        event.add("touchPoints", points);
        return event;
    }
}
