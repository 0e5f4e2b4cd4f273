package org.adversarialarena.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.Cookie;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two app nodes, each a JVM of its own, on one PostgreSQL, as behind a sticky load balancer: node A
 * is a job worker, node B web-only. A score earned on node A reaches a leaderboards page open on node
 * B by push, without a reload (PostgreSQL LISTEN/NOTIFY between the nodes); then node A is killed in
 * the middle of a game and its player, opening node B, is the same player with the same stored
 * results, recognised from the resume token in the browser's local storage, and plays on.
 *
 * <p>Where Debian's HAProxy is installed, the browsers go through the shipped {@code docker/haproxy.cfg}
 * (one origin, each browser pinned to its node by the proxy's cookie), and the dead node's player is
 * sent to node B by the proxy. Elsewhere the nodes are reached directly on their ports: each port is
 * then an origin of its own, so the test carries the token from node A's origin to node B's, which
 * is what the proxy's single origin does by itself.
 */
class TwoNodesJourneyTest {

    private static final String NICKNAME = "two-nodes-e2e";
    private static final String TOKEN_KEY = "adversarial-arena.player";
    private static final int PER_KIND = 2;
    private static final int IMAGES = 2 * PER_KIND + 4;
    /** The first Judge session of a node loads the dataset, both GANs and the detective. */
    private static final double FIRST_SESSION_TIMEOUT_MS = 180_000;
    /** Leaves room for a busy machine; the measured figure is logged, not asserted. */
    private static final double PUSH_TIMEOUT_MS = 60_000;
    private static final Path OUT = Path.of(System.getProperty("screenshots.dir", "target/screenshots"))
            .resolveSibling("two-nodes");

    private static EmbeddedPostgres postgres;
    private static JdbcTemplate jdbc;
    private static BrowserSession browser;
    private static AppNode nodeA;
    private static AppNode nodeB;
    private static Optional<StickyProxy> proxy = Optional.empty();

    @BeforeAll
    static void startTwoNodesOnOneDatabase() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
        String url = postgres.getJdbcUrl("postgres", "postgres");
        Map<String, String> shared = Map.of("spring.datasource.url", url, "spring.datasource.username", "postgres",
                "spring.datasource.password", "postgres", "arena.judge.min-per-kind", Integer.toString(PER_KIND),
                "arena.forge.train-every", "100000", "logging.level.org.adversarialarena.judge.ui", "DEBUG");
        // One after the other: the first applies the migrations and, on a fresh checkout, builds the
        // frontend's dev bundle in the project folder, which both nodes share, before its first page.
        nodeA = AppNode.start("a", OUT, with(shared, "arena.jobs.worker", "true"));
        browser = new BrowserSession();
        Page first = browser.newPageElsewhere();
        first.navigate(nodeA.url("/"), new Page.NavigateOptions().setTimeout(BrowserSession.FRONTEND_READY_TIMEOUT_MS));
        first.locator("#home-view").waitFor(new Locator.WaitForOptions().setTimeout(BrowserSession.FRONTEND_READY_TIMEOUT_MS));
        first.close();
        nodeB = AppNode.start("b", OUT, with(shared, "arena.jobs.worker", "false"));
        proxy = StickyProxy.startIfInstalled(OUT, nodeA, nodeB);
    }

    @AfterAll
    static void stopEverything() throws IOException {
        try {
            proxy.ifPresent(StickyProxy::close);
            if (browser != null) {
                browser.close();
            }
        } finally {
            try {
                if (nodeA != null) {
                    nodeA.close();
                }
            } finally {
                try {
                    if (nodeB != null) {
                        nodeB.close();
                    }
                } finally {
                    if (postgres != null) {
                        postgres.close();
                    }
                }
            }
        }
    }

    @Test
    void aScoreOnOneNodeIsPushedToTheOtherAndAPlayerOfAKilledNodeResumesOnTheOther() {
        Page board = browser.newPageElsewhere();
        pin(board, nodeB);
        board.navigate(entry(nodeB, "/leaderboards"));
        assertThat(board.locator("#leaderboards-none")).isVisible(
                new LocatorAssertions.IsVisibleOptions().setTimeout(BrowserSession.FIRST_PAGE_TIMEOUT_MS));
        board.evaluate("() => window.notReloaded = true");

        Page player = browser.newPage();
        player.setViewportSize(1280, 1600);
        pin(player, nodeA);
        player.navigate(entry(nodeA, "/judge"));
        player.locator("#judge-view").waitFor(new Locator.WaitForOptions().setTimeout(BrowserSession.FIRST_PAGE_TIMEOUT_MS));
        player.locator("#judge-per-kind input").fill(Integer.toString(PER_KIND));
        player.locator("#judge-start").click();
        player.locator("#nickname-field input").fill(NICKNAME);
        player.locator("#nickname-join").click();
        judgeSession(player);
        assertThat(player.locator("#judge-result")).containsText("100 points");
        long playerId = playerId();

        // (1) node A stored the score; node B's page shows it by push, unreloaded
        Instant scored = Instant.now();
        assertThat(board.locator("#leaderboards-grid")).containsText(NICKNAME,
                new LocatorAssertions.ContainsTextOptions().setTimeout(PUSH_TIMEOUT_MS));
        Duration pushed = Duration.between(scored, Instant.now());
        assertThat(board.locator("#leaderboards-none")).isHidden();
        assertThat(board.evaluate("() => window.notReloaded === true")).isEqualTo(true);
        browser.screenshot(board, "two-nodes-board-on-b");

        // (2) mid-game: a second session on node A, one image answered, then node A dies
        player.locator("#judge-start").click();
        assertThat(player.locator("#judge-progress")).containsText(
                Pattern.compile("image 1 of " + IMAGES + " ", Pattern.CASE_INSENSITIVE));
        player.keyboard().press(currentImageIsReal() ? "r" : "f");
        // the progress line of this session, not the reveal, which the finished session also showed
        assertThat(player.locator("#judge-progress")).containsText("1 of 1 right");
        long answeredBeforeTheCrash = answered();
        String token = (String) player.evaluate("key => window.localStorage.getItem(key)", TOKEN_KEY);
        assertThat(token).isNotBlank();

        nodeA.kill();
        Instant killed = Instant.now();
        assertThat(nodeA.isAlive()).isFalse();

        if (proxy.isEmpty()) {
            // reached directly, node B is another origin: carry the token over as one origin would (class comment)
            player.navigate(nodeB.url("/actuator/health"));
            player.evaluate("([key, value]) => window.localStorage.setItem(key, value)", new String[] {TOKEN_KEY, token});
        }
        player.navigate(entry(nodeB, "/leaderboards"));
        assertThat(player.locator("#player-you")).containsText(NICKNAME,
                new LocatorAssertions.ContainsTextOptions().setTimeout(BrowserSession.FIRST_PAGE_TIMEOUT_MS));
        Locator mine = player.locator("#leaderboards-grid .arena-leaderboard-mine");
        assertThat(mine).containsText(NICKNAME);
        Duration resumed = Duration.between(killed, Instant.now());
        assertThat(mine).containsText("100");
        proxy.ifPresent(through -> assertThat(player.context().cookies()).anyMatch(
                cookie -> StickyProxy.COOKIE.equals(cookie.name) && "b".equals(cookie.value)));
        assertThat(answered()).isEqualTo(answeredBeforeTheCrash);
        browser.screenshot(player, "two-nodes-resumed-on-b");

        // and plays on as the same player, never asked for a nickname
        player.navigate(entry(nodeB, "/judge"));
        player.locator("#judge-view").waitFor();
        player.locator("#judge-per-kind input").fill(Integer.toString(PER_KIND));
        player.locator("#judge-start").click();
        assertThat(player.locator("#judge-progress")).containsText(
                Pattern.compile("image 1 of " + IMAGES + " ", Pattern.CASE_INSENSITIVE),
                new LocatorAssertions.ContainsTextOptions().setTimeout(FIRST_SESSION_TIMEOUT_MS));
        assertThat(player.locator("#nickname-field")).isHidden();
        player.keyboard().press(currentImageIsReal() ? "r" : "f");
        assertThat(player.locator("#judge-progress")).containsText("1 of 1 right");
        assertThat(answered()).isEqualTo(answeredBeforeTheCrash + 1);
        assertThat(jdbc.queryForObject("select count(*) from player where nickname = ?", Long.class, NICKNAME))
                .isEqualTo(1L);
        assertThat(jdbc.queryForObject("select player_id from judge_session order by id desc limit 1", Long.class))
                .isEqualTo(playerId);

        record((proxy.isPresent() ? "through HAProxy: " : "direct: ") + "score on A shown on B's board by push after " + pushed.toMillis() + " ms; node A killed, "
                + "its player recognised on B (page loaded, nickname and stored score shown) after " + resumed.toMillis()
                + " ms");
    }

    /** Answers every image of the session rightly, knowing each image's truth from the database. */
    private static void judgeSession(Page page) {
        Locator progress = page.locator("#judge-progress");
        assertThat(progress).containsText("Warm-up: image 1 of " + IMAGES,
                new LocatorAssertions.ContainsTextOptions().setTimeout(FIRST_SESSION_TIMEOUT_MS));
        for (int i = 1; i <= IMAGES; i++) {
            page.keyboard().press(currentImageIsReal() ? "r" : "f");
            assertThat(page.locator("#judge-reveal")).containsText("Right:");
            if (i < IMAGES) {
                assertThat(progress).containsText(i + " of " + i + " right");
                // A node's first session loads its generators and detective on first use: give each image that long.
                JudgePages.nextImage(page, i + 1, IMAGES, FIRST_SESSION_TIMEOUT_MS, JudgePages.servedTo(jdbc, NICKNAME));
            }
        }
    }

    /** The truth of the image waiting for the player's answer, read where only the server keeps it. */
    private static boolean currentImageIsReal() {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                select i.real from judge_item i join judge_session s on s.id = i.session_id
                  join player p on p.id = s.player_id
                 where p.nickname = ? and i.answered_at is null and i.served_at is not null
                 order by s.id desc, i.position limit 1""", Boolean.class, NICKNAME));
    }

    private static long answered() {
        Long count = jdbc.queryForObject("""
                select count(*) from judge_item i join judge_session s on s.id = i.session_id
                  join player p on p.id = s.player_id where p.nickname = ? and i.answered_at is not null""",
                Long.class, NICKNAME);
        return count == null ? 0 : count;
    }

    private static long playerId() {
        Long id = jdbc.queryForObject("select id from player where nickname = ?", Long.class, NICKNAME);
        assertThat(id).isNotNull();
        return id;
    }

    /** Where a browser meant for {@code node} goes: the proxy, or the node itself where there is none. */
    private static String entry(AppNode node, String path) {
        return proxy.map(through -> through.url(path)).orElseGet(() -> node.url(path));
    }

    /** Behind the proxy: the page's browser sticks to {@code node}, as after the proxy's first answer. */
    private static void pin(Page page, AppNode node) {
        proxy.ifPresent(through -> page.context().addCookies(List.of(
                new Cookie(StickyProxy.COOKIE, node.name).setDomain("127.0.0.1").setPath("/"))));
    }

    private static Map<String, String> with(Map<String, String> properties, String key, String value) {
        Map<String, String> all = new HashMap<>(properties);
        all.put(key, value);
        return all;
    }

    /** The figures go to the test log and to a file beside the nodes' logs, for docs/scale.md. */
    private static void record(String figures) {
        System.out.println("[two nodes] " + figures);
        try {
            Files.writeString(OUT.resolve("figures.txt"), Instant.now() + " " + figures + System.lineSeparator(),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.out.println("[two nodes] could not write the figures: " + e.getMessage());
        }
    }
}
