package org.adversarialarena.competition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.adversarialarena.player.Player;
import org.adversarialarena.player.PlayerService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The competitions' API over real HTTP, on the real database, with the shipped LeNet as the target and
 * the real job engine evaluating: tokens, checks of every kind of bad file, caps, phases, and a scored
 * and a failed evaluation.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "arena.competitions.max-upload=400KB", "arena.competitions.api-calls-per-window=" + CompetitionApiIT.API_CALLS})
class CompetitionApiIT {

    static final int API_CALLS = 40;

    private static final Duration EVALUATION = Duration.ofSeconds(90);

    @LocalServerPort
    int port;

    @Autowired
    CompetitionService competitions;

    @Autowired
    PlayerService players;

    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    /** An entrant of a fresh competition, with a token. */
    private record Contestant(long competitionId, Entrant entrant, String token) {
    }

    @Test
    void aNotebookDownloadsTheSetSubmitsAndReadsItsScoreLiveFromQueuedToScored() throws Exception {
        Contestant ada = contestant(new AttackBudget(BudgetNorm.LINF, 1.0), 100, 3, Instant.now().minusSeconds(60));
        float[][] set = AttackFile.read(get(ada, "/challenge.npy").body(), 100);
        int[] labels = json.readValue(new String(get(ada, "/labels").body()), int[].class);
        assertThat(set).hasNumberOfRows(100);
        ChallengeSet stored = storedSet(ada.competitionId());
        assertThat(labels).containsExactly(stored.images().stream().mapToInt(ChallengeImage::label).toArray());

        // each public image replaced by a challenge image of another class (which the target classifies
        // as that class: the set holds only images it gets right), the private half left as it is
        float[][] adversarial = new float[100][];
        for (ChallengeImage image : stored.images()) {
            adversarial[image.position()] = image.privateHalf() ? set[image.position()]
                    : otherClass(stored, image.label());
        }
        HttpResponse<byte[]> posted = post(ada, Fixtures.npy(adversarial));
        assertThat(posted.statusCode()).isEqualTo(202);
        JsonNode queued = json.readTree(posted.body());
        assertThat(queued.get("status").asString()).isIn("QUEUED", "EVALUATING");

        JsonNode scored = waitForStatus(ada, queued.get("id").asLong(), "SCORED");
        assertThat(scored.get("publicSuccess").asDouble()).isEqualTo(1.0);
        assertThat(scored.get("privateSuccess").asDouble()).isEqualTo(0.0);
        assertThat(scored.get("publicPerturbation").asDouble()).isGreaterThan(0.0);

        JsonNode info = json.readTree(get(ada, "").body());
        assertThat(info.get("remainingToday").asInt()).isEqualTo(2);
        assertThat(info.get("phase").asString()).isEqualTo("black-box");
        JsonNode boards = json.readTree(get(ada, "/board").body());
        assertThat(boards.get(0).get("rows").get(0).get("success").asDouble()).isEqualTo(1.0);
        assertThat(boards.get(0).get("rows").get(0).get("you").asBoolean()).isTrue();
        assertThat(boards.get(1).get("rows")).isEmpty();
        // the exact evaluated images are stored, with their hash
        assertThat(jdbc.queryForObject("select length(images) from competition_submission where id = ?", Integer.class,
                queued.get("id").asLong())).isEqualTo(100 * 784 * 4);
    }

    @Test
    void badFilesAreRefusedWithAClearReasonAndNothingIsStoredOrCounted() throws Exception {
        Contestant bo = contestant(new AttackBudget(BudgetNorm.LINF, 0.1), 20, 3, Instant.now().minusSeconds(60));
        float[][] set = AttackFile.read(get(bo, "/challenge.npy").body(), 20);

        assertRefused(bo, Fixtures.npy("<f4", "19, 28, 28", java.util.Arrays.copyOf(set, 19)), 400, "competition.refused.shape");
        float[][] nan = copy(set);
        nan[3][100] = Float.NaN;
        assertRefused(bo, Fixtures.npy(nan), 400, "competition.refused.nan");
        float[][] bright = copy(set);
        bright[4][100] = 1.5f;
        assertRefused(bo, Fixtures.npy(bright), 400, "competition.refused.range");
        float[][] far = copy(set);
        far[7][200] = set[7][200] > 0.5f ? 0f : 1f;
        HttpResponse<byte[]> overBudget = assertRefused(bo, Fixtures.npy(far), 400, "competition.refused.over-budget");
        assertThat(new String(overBudget.body())).contains("over the budget (7,");
        assertRefused(bo, new byte[500 * 1024], 400, "competition.refused.too-large");
        assertRefused(bo, "x = np.load('set.npy')".getBytes(), 400, "competition.refused.format");

        assertThat(countSubmissions(bo)).isZero();
        assertThat(json.readTree(get(bo, "").body()).get("remainingToday").asInt()).isEqualTo(3);
    }

    @Test
    void missingForeignExpiredAndRevokedTokensAreRefused() throws Exception {
        Contestant cy = contestant(new AttackBudget(BudgetNorm.LINF, 0.3), 20, 3, Instant.now().minusSeconds(60));
        Contestant dee = contestant(new AttackBudget(BudgetNorm.LINF, 0.3), 20, 3, Instant.now().minusSeconds(60));

        assertThat(send(HttpRequest.newBuilder(uri(cy.competitionId(), "")).GET()).statusCode()).isEqualTo(401);
        assertThat(get(new Contestant(cy.competitionId(), cy.entrant(), "not-a-token"), "").statusCode()).isEqualTo(401);
        // dee's token is for dee's competition only
        HttpResponse<byte[]> foreign = get(new Contestant(cy.competitionId(), dee.entrant(), dee.token()), "");
        assertThat(foreign.statusCode()).isEqualTo(401);
        assertThat(json.readTree(foreign.body()).get("key").asString()).isEqualTo("competition.refused.token");

        jdbc.update("update competition_token set expires_at = now() - interval '1 minute' where token_hash = ?",
                org.adversarialarena.base.security.SecretToken.hash(cy.token()));
        assertThat(get(cy, "").statusCode()).isEqualTo(401);

        String second = competitions.createToken(cy.entrant().id(), "laptop");
        Contestant again = new Contestant(cy.competitionId(), cy.entrant(), second);
        assertThat(get(again, "").statusCode()).isEqualTo(200);
        AccessToken laptop = competitions.tokens(cy.entrant().id()).getFirst();
        competitions.revokeToken(cy.entrant().id(), laptop.id());
        assertThat(get(again, "").statusCode()).isEqualTo(401);
        assertThatThrownBy(() -> competitions.revokeToken(dee.entrant().id(), laptop.id()))
                .isInstanceOf(CompetitionRefusedException.class);
    }

    @Test
    void overTheCapOutsideThePhaseAndPastTheRateLimitNothingIsAccepted() throws Exception {
        Contestant ed = contestant(new AttackBudget(BudgetNorm.LINF, 0.3), 20, 2, Instant.now().minusSeconds(60));
        byte[] originals = get(ed, "/challenge.npy").body();
        assertThat(post(ed, originals).statusCode()).isEqualTo(202);
        assertThat(post(ed, originals).statusCode()).isEqualTo(202);
        HttpResponse<byte[]> third = assertRefused(ed, originals, 409, "competition.refused.daily-cap");
        assertThat(new String(third.body())).contains("No submissions left today");
        assertThat(countSubmissions(ed)).isEqualTo(2);

        Contestant early = contestant(new AttackBudget(BudgetNorm.LINF, 0.3), 20, 2, Instant.now().plus(Duration.ofDays(1)));
        assertRefused(early, get(early, "/challenge.npy").body(), 409, "competition.refused.not-started");
        jdbc.update("update competition set starts_at = now() - interval '2 days', ends_at = now() - interval '1 day'"
                + " where id = ?", early.competitionId());
        jdbc.update("update competition_phase set starts_at = now() - interval '2 days' where competition_id = ?",
                early.competitionId());
        assertRefused(early, originals, 409, "competition.refused.over");
        assertThat(countSubmissions(early)).isZero();

        // The limit counts in fixed windows: the calls may straddle a window's end, but twice the limit
        // and one more cannot all fit under it in two windows.
        int status = 0;
        for (int call = 0; call < 2 * API_CALLS + 1 && status != 429; call++) {
            status = get(early, "/labels").statusCode();
        }
        assertThat(status).isEqualTo(429);
    }

    @Test
    void aFailedEvaluationSaysWhyAndCostsNoSubmission() throws Exception {
        Contestant fay = contestant(new AttackBudget(BudgetNorm.LINF, 0.3), 20, 2, Instant.now().minusSeconds(60));
        byte[] originals = get(fay, "/challenge.npy").body();
        // the target disappears after hosting (as a model taken off the shelf would): evaluating fails
        jdbc.update("update competition set model_name = 'mnist-withdrawn' where id = ?", fay.competitionId());
        long id = json.readTree(post(fay, originals).body()).get("id").asLong();

        JsonNode failed = waitForStatus(fay, id, "FAILED");
        assertThat(failed.get("failure").asString()).isNotBlank();
        assertThat(json.readTree(get(fay, "").body()).get("remainingToday").asInt()).isEqualTo(2);
    }

    @Test
    void theApiIsDescribedWithOpenApi() throws Exception {
        HttpResponse<String> docs = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v3/api-docs"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/competitions/{id}/submissions", "bearer");
    }

    // ---- helpers ----

    private Contestant contestant(AttackBudget budget, int images, int dailyCap, Instant start) {
        HostedCompetitions.signedInNew(jdbc, "INSTRUCTOR");
        Instant begin = start.truncatedTo(ChronoUnit.SECONDS);
        long id = competitions.host(new CompetitionSettings("API contest", "Rules", false, begin,
                begin.plus(Duration.ofDays(7)), List.of(new CompetitionPhase("black-box", begin, false, false)), dailyCap,
                10, Duration.ofHours(1), false, "mnist-lenet", images, 11, budget));
        SecurityContextHolder.clearContext();
        Player player = players.join("Ann" + UUID.randomUUID().toString().substring(0, 6));
        Entrant entrant = competitions.enter(id, player, null);
        return new Contestant(id, entrant, competitions.createToken(entrant.id(), "notebook"));
    }

    private ChallengeSet storedSet(long competitionId) {
        return new ChallengeSet(jdbc.query("select position, test_index, label, private_half, pixels from competition_image"
                + " where competition_id = ? order by position", (rs, n) -> new ChallengeImage(rs.getInt(1), rs.getInt(2),
                        rs.getInt(3), rs.getBoolean(4), AttackFile.fromRaw(rs.getBytes(5))[0]), competitionId));
    }

    private static float[] otherClass(ChallengeSet set, int label) {
        return set.images().stream().filter(image -> image.label() != label).findFirst().orElseThrow().pixels();
    }

    private static float[][] copy(float[][] images) {
        return java.util.Arrays.stream(images).map(float[]::clone).toArray(float[][]::new);
    }

    private int countSubmissions(Contestant who) {
        Integer count = jdbc.queryForObject("select count(*) from competition_submission where entrant_id = ?",
                Integer.class, who.entrant().id());
        return count == null ? 0 : count;
    }

    private JsonNode waitForStatus(Contestant who, long submission, String status) throws Exception {
        long deadline = System.nanoTime() + EVALUATION.toNanos();
        JsonNode current = json.readTree(get(who, "/submissions/" + submission).body());
        while (!current.get("status").asString().equals(status)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Submission " + submission + " not " + status + " after " + EVALUATION + ": " + current);
            }
            Thread.sleep(200);
            current = json.readTree(get(who, "/submissions/" + submission).body());
        }
        return current;
    }

    private HttpResponse<byte[]> assertRefused(Contestant who, byte[] file, int status, String key) throws Exception {
        HttpResponse<byte[]> response = post(who, file);
        assertThat(response.statusCode()).as(key).isEqualTo(status);
        assertThat(json.readTree(response.body()).get("key").asString()).isEqualTo(key);
        return response;
    }

    private URI uri(long competitionId, String path) {
        return api().uri(competitionId, path);
    }

    private HttpResponse<byte[]> get(Contestant who, String path) throws Exception {
        return api().get(who.competitionId(), who.token(), path);
    }

    private HttpResponse<byte[]> post(Contestant who, byte[] file) throws Exception {
        return api().submit(who.competitionId(), who.token(), file, ApiClient.NPY);
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) throws Exception {
        return api().send(request);
    }

    private ApiClient api() {
        return new ApiClient(port);
    }
}
