package org.adversarialarena.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Mouse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.BoundingBox;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A competition in real Chromium: an instructor hosts one (ε = 1, 20 images), two students enter. Ada
 * uploads a set in the browser whose public half is sure to fool the network (each image replaced by a
 * set image of another class, which the network reads as that class: the set holds only images it
 * classifies right) and whose private half is untouched; Ben makes a token in the browser and submits
 * through the API the opposite. Ada leads the live public board; when the competition ends, the private
 * board reveals Ben first. The host downloads the CSV. The start and the end are moved in the database,
 * as time passing would move them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "arena.admin.email=" + CompetitionJourneyTest.HOST, "arena.admin.password=" + CompetitionJourneyTest.PASSWORD})
class CompetitionJourneyTest extends BrowserJourney {

    static final String HOST = "contest-host@example.org";
    static final String PASSWORD = "a contest needs a long password";
    private static final int IMAGES = 20;
    private static final int PIXELS = 28 * 28;
    private static final double FIRST_PAGE_MS = 3 * BrowserSession.FIRST_PAGE_TIMEOUT_MS;
    private static final LocatorAssertions.ContainsTextOptions SLOW =
            new LocatorAssertions.ContainsTextOptions().setTimeout(120_000);

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anInstructorHostsTwoStudentsSubmitByBrowserAndByApiAndTheEndRevealsThePrivateBoard() throws Exception {
        Page host = browser.newPage();
        host.setViewportSize(1280, 1600);
        signIn(host);
        host.navigate(url("/competitions"));
        host.locator("#competition-host-new").click();
        host.locator("#competition-title input").fill("Fool LeNet, week 5");
        host.locator("#competition-rules textarea").fill("Untargeted. Every image within ε of its original.");
        host.locator("#competition-images input").fill(Integer.toString(IMAGES));
        host.locator("#competition-limit input").fill("1");
        host.locator("#competition-save").click();
        assertThat(host.locator("#competition-host-note")).containsText("Public", SLOW);
        host.waitForURL(java.util.regex.Pattern.compile(".*/competitions/view/\\d+$"));
        long id = Long.parseLong(host.url().substring(host.url().lastIndexOf('/') + 1));
        browser.screenshot(host, "competition-host");
        // the competition opens, as the hour passing would open it
        jdbc.update("update competition set starts_at = now() - interval '1 hour' where id = ?", id);
        jdbc.update("update competition_phase set starts_at = now() - interval '1 hour' where competition_id = ?", id);
        host.reload();
        assertThat(host.locator("#competition-status")).containsText("Phase: black-box.");

        float[][] set = challengeSet(id);
        int[] labels = jdbc.queryForList("select label from competition_image where competition_id = ? order by position",
                Integer.class, id).stream().mapToInt(Integer::intValue).toArray();
        boolean[] privateHalf = new boolean[IMAGES];
        jdbc.queryForList("select position from competition_image where competition_id = ? and private_half", Integer.class, id)
                .forEach(position -> privateHalf[position] = true);

        Page ada = enter(browser.newPageElsewhere(), id, "Ada");
        Path adasFile = Files.createTempFile("ada", ".npy");
        Files.write(adasFile, npy(fooling(set, labels, privateHalf, false)));
        ada.locator("#competition-upload input[type=file]").setInputFiles(adasFile);
        assertThat(ada.locator("#competition-mine")).containsText("scored", SLOW);
        assertThat(ada.locator("#competition-allowance")).containsText("Submissions left today: 4");
        browser.screenshot(ada, "competition-student");

        // Ada also builds a set in the canvas: a stroke on the first image, saved to her draft
        ada.locator("#competition-draft-link").click();
        assertThat(ada.locator("#competition-draft-progress")).containsText("0 of " + IMAGES + " images saved", SLOW);
        BoundingBox box = ada.locator("#competition-draft-canvas canvas").boundingBox();
        ada.mouse().move(box.x + box.width * 0.3, box.y + box.height * 0.5);
        ada.mouse().down();
        ada.mouse().move(box.x + box.width * 0.7, box.y + box.height * 0.5, new Mouse.MoveOptions().setSteps(10));
        ada.mouse().up();
        ada.locator("#competition-draft-save").click();
        assertThat(ada.locator("#competition-draft-progress")).containsText("1 of " + IMAGES + " images saved", SLOW);
        assertThat(ada.locator("#competition-draft-image")).containsText(": saved");
        browser.screenshot(ada, "competition-draft");
        ada.locator("#competition-draft-back").click();
        assertThat(ada.locator("#competition-mine")).containsText("scored", SLOW);

        Page ben = enter(browser.newPageElsewhere(), id, "Ben");
        ben.locator("#competition-token-name input").fill("notebook");
        ben.locator("#competition-token-create").click();
        assertThat(ben.locator("#competition-token-secret")).containsText("Your new token");
        String secret = ben.locator("#competition-token-secret").textContent();
        String token = secret.substring(secret.lastIndexOf(' ') + 1).strip();
        HttpResponse<String> posted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(url("/api/competitions/" + id + "/submissions"))).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(npy(fooling(set, labels, privateHalf, true)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).isEqualTo(202);
        assertThat(ben.locator("#competition-mine")).containsText("scored", SLOW);
        assertThat(ben.locator("#competition-mine")).containsText("API");

        Locator board = host.locator("#competition-public-board");
        assertThat(board).containsText("Ben", SLOW);
        assertThat(board).containsText("Ada");
        assertThat(firstOf(host, "#competition-public-board", "Ada", "Ben")).isEqualTo("Ada");
        assertThat(host.locator("#competition-private-board")).isHidden();

        // the competition ends
        jdbc.update("update competition set ends_at = now() - interval '1 second' where id = ?", id);
        host.reload();
        assertThat(host.locator("#competition-status")).containsText("Ended");
        assertThat(host.locator("#competition-private-board")).containsText("Ada");
        assertThat(host.locator("#competition-private-board")).containsText("100.0 %");
        assertThat(firstOf(host, "#competition-private-board", "Ada", "Ben")).isEqualTo("Ben");
        browser.screenshot(host, "competition-private-board");
        ada.reload();
        assertThat(ada.locator("#competition-private-board")).containsText("Ben");

        Download download = host.waitForDownload(() -> host.locator("#competition-export").click());
        String csv = Files.readString(download.path(), StandardCharsets.UTF_8);
        assertThat(csv).contains("submission,nickname,channel").contains(",Ada,BROWSER,1,SCORED,")
                .contains(",Ben,API,1,SCORED,");
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

    /** Which of two names comes first in a board grid's cells (rows render in order). */
    private static String firstOf(Page page, String grid, String one, String other) {
        List<String> cells = page.locator(grid + " vaadin-grid-cell-content").allTextContents().stream()
                .map(String::strip).toList();
        return cells.indexOf(one) < cells.indexOf(other) ? one : other;
    }

    private Page enter(Page page, long id, String nickname) {
        page.setViewportSize(1280, 1600);
        page.navigate(url("/competitions/view/" + id), new Page.NavigateOptions().setTimeout(FIRST_PAGE_MS));
        page.locator("#competition-enter").click();
        page.locator("#nickname-field input").fill(nickname);
        page.locator("#nickname-join").click();
        assertThat(page.locator("#competition-allowance")).containsText("Submissions left today: 5");
        return page;
    }

    private float[][] challengeSet(long id) {
        List<byte[]> rows = jdbc.queryForList("select pixels from competition_image where competition_id = ? order by position",
                byte[].class, id);
        float[][] set = new float[rows.size()][PIXELS];
        for (int i = 0; i < set.length; i++) {
            ByteBuffer.wrap(rows.get(i)).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(set[i]);
        }
        return set;
    }

    /** The set with one half's images each replaced by a set image of another class, the other half as it is. */
    private static float[][] fooling(float[][] set, int[] labels, boolean[] privateHalf, boolean foolPrivate) {
        float[][] adversarial = new float[set.length][];
        for (int i = 0; i < set.length; i++) {
            adversarial[i] = set[i];
            if (privateHalf[i] == foolPrivate) {
                for (int j = 0; j < set.length; j++) {
                    if (labels[j] != labels[i]) {
                        adversarial[i] = set[j];
                        break;
                    }
                }
            }
        }
        return adversarial;
    }

    private static byte[] npy(float[][] images) throws IOException {
        String header = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + images.length + ", 784), }";
        String padded = header + " ".repeat((64 - (10 + header.length() + 1) % 64) % 64) + "\n";
        ByteBuffer buffer = ByteBuffer.allocate(10 + padded.length() + images.length * PIXELS * 4)
                .order(ByteOrder.LITTLE_ENDIAN);
        buffer.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) padded.length());
        buffer.put(padded.getBytes(StandardCharsets.ISO_8859_1));
        for (float[] image : images) {
            for (float value : image) {
                buffer.putFloat(value);
            }
        }
        return buffer.array();
    }
}
