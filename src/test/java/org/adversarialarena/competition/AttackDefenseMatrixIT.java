package org.adversarialarena.competition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.adversarialarena.catalog.ModelCatalog;
import org.adversarialarena.ml.model.ClassifierArchitecture;
import org.adversarialarena.ml.model.ClassifierId;
import org.adversarialarena.ml.serve.ClassifierPool;
import org.adversarialarena.player.PlayerService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A two-phase attack/defense contest end to end on the real database, with the real job engine and
 * real (tiny) defenses: two entrants' recipes are trained and judged in the defense phase; at the
 * attack phase their hashes are the commitments, the white-box phase releases their weights (which
 * hash to the commitments), defenses are no longer accepted, and each attack is evaluated against every
 * final defense; the host computes the matrix, whose cells equal the stored weights' misclassifications
 * on the stored images, scored as in NIPS 2017; after the end everyone sees it and the defense board's
 * private half.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "arena.competitions.defense.training-images=256", "arena.competitions.defense.referee-pgd-steps=5",
        "arena.competitions.defense.referee-restarts=1", "arena.competitions.defense.referee-apgd-steps=5",
        "arena.competitions.api-calls-per-window=200"})
class AttackDefenseMatrixIT {

    private static final Duration WAIT = Duration.ofSeconds(180);
    private static final int IMAGES = 20;

    @LocalServerPort
    int port;

    @Autowired
    CompetitionService competitions;

    @Autowired
    DefenseService defenses;

    @Autowired
    CrossEvaluationService crossEvaluation;

    @Autowired
    DefenseStore defenseStore;

    @Autowired
    CompetitionStore competitionStore;

    @Autowired
    MatrixJob matrixJob;

    @Autowired
    EvaluationJob evaluationJob;

    @Autowired
    ModelCatalog catalog;

    @Autowired
    PlayerService players;

    @Autowired
    JdbcTemplate jdbc;

    private final JsonMapper json = JsonMapper.builder().build();
    private String hostEmail = "";

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void defensesTrainedInTheFirstPhaseAreAttackedInTheSecondAndTheMatrixScoresEveryPair() throws Exception {
        long id = host();
        assertThat(jdbc.queryForObject("select count(*) from scheduled_tasks where task_name = 'competition-matrix'"
                + " and task_instance = ?", Integer.class, "end-" + id)).as("the matrix is scheduled for the end").isOne();
        Entrant ada = competitions.enter(id, players.join("Ada" + suffix()), null);
        Entrant bo = competitions.enter(id, players.join("Bo" + suffix()), null);
        Entrant cy = competitions.enter(id, players.join("Cy" + suffix()), null);
        Entrant dee = competitions.enter(id, players.join("Dee" + suffix()), null);
        String cyToken = competitions.createToken(cy.id(), "notebook");

        // the defense phase: two tiny recipes are trained and judged by the job engine
        Defense adaDefense = waitJudged(defenses.submit(ada.id(), new DefenseRecipe(DefenseMethod.PLAIN,
                ClassifierArchitecture.MLP, 0f, 0, 1, 3)).id());
        Defense boDefense = waitJudged(defenses.submit(bo.id(), new DefenseRecipe(DefenseMethod.PGD,
                ClassifierArchitecture.MLP, 0.3f, 2, 1, 4)).id());
        assertThat(adaDefense.publicRobust()).isNotNull();
        assertThat(adaDefense.privateRobust()).isNotNull();
        JsonNode notFixed = json.readTree(get(id, cyToken, "/defenses").body());
        assertThat(notFixed.get("defenses")).isEmpty();
        assertThat(notFixed.get("weightsReleased").asBoolean()).isFalse();
        assertThat(get(id, cyToken, "/defenses/" + adaDefense.id() + "/weights").statusCode()).isEqualTo(409);

        // the attack phase (white-box) begins, as time would bring it
        jdbc.update("update competition_phase set starts_at = ? where competition_id = ? and position = 1",
                Timestamp.from(Instant.now()), id);
        assertThatThrownBy(() -> defenses.submit(ada.id(), new DefenseRecipe(DefenseMethod.PLAIN,
                ClassifierArchitecture.MLP, 0f, 0, 1, 9))).isInstanceOf(CompetitionRefusedException.class)
                .extracting(e -> ((CompetitionRefusedException) e).key())
                .isEqualTo("competition.defense.refused.attack-phase");
        assertThat(jdbc.queryForObject("select count(*) from competition_defense where competition_id = ?",
                Integer.class, id)).isEqualTo(2);

        // the final defenses are published with their hashes; their weights hash to them
        JsonNode fixed = json.readTree(get(id, cyToken, "/defenses").body());
        assertThat(fixed.get("weightsReleased").asBoolean()).isTrue();
        assertThat(fixed.get("defenses")).hasSize(2);
        for (Defense defense : List.of(adaDefense, boDefense)) {
            HttpResponse<byte[]> weights = get(id, cyToken, "/defenses/" + defense.id() + "/weights");
            assertThat(weights.statusCode()).isEqualTo(200);
            assertThat(CompetitionService.sha256(weights.body())).isEqualTo(defense.weightsSha256());
        }
        assertThat(get(id, cyToken, "/defenses/999999999/weights").statusCode()).isEqualTo(404);
        assertThatThrownBy(() -> defenses.releasedWeights(competitions.view(id, null, null), adaDefense.id()))
                .as("a visitor who has not entered").isInstanceOf(CompetitionRefusedException.class)
                .extracting(e -> ((CompetitionRefusedException) e).key()).isEqualTo("competition.refused.not-found");

        // two attacks: every image replaced by one of another class, and the untouched set
        ChallengeSet set = competitionStore.challengeSet(id);
        float[][] swapped = new float[IMAGES][];
        for (ChallengeImage image : set.images()) {
            swapped[image.position()] = set.images().stream().filter(other -> other.label() != image.label()).findFirst()
                    .orElseThrow().pixels();
        }
        float[][] untouched = set.images().stream().map(ChallengeImage::pixels).toArray(float[][]::new);
        HttpResponse<byte[]> posted = post(id, cyToken, Fixtures.npy(swapped));
        assertThat(posted.statusCode()).isEqualTo(202);
        long cyAttack = json.readTree(posted.body()).get("id").asLong();
        long deeAttack = competitions.submit(dee.id(), Fixtures.npy(untouched), Channel.BROWSER).id();
        JsonNode cyScored = waitScored(id, cyToken, cyAttack);
        waitUntil(() -> competitionStore.submission(deeAttack).orElseThrow().status() == SubmissionStatus.SCORED);

        // each attack was evaluated against every final defense: exactly the stored weights on the stored images
        Map<Long, ClassifierPool> networks = new LinkedHashMap<>();
        for (Defense defense : List.of(adaDefense, boDefense)) {
            networks.put(defense.id(), new ClassifierPool(DefenseJob.load(defenseStore.weights(defense.id())), 1));
        }
        assertThat(cyScored.get("againstDefenses")).hasSize(2);
        for (JsonNode result : cyScored.get("againstDefenses")) {
            long defense = result.get("defenseId").asLong();
            assertThat(result.get("fooledCount").asInt()).isEqualTo(misclassified(set, networks.get(defense), swapped));
        }

        // the matrix: nobody but the host sees it before the end; the end's own execution waits for the end
        matrixJob.compute(id, true);
        assertThat(jdbc.queryForObject("select count(*) from competition_matrix where competition_id = ?", Integer.class,
                id)).isZero();
        assertThat(json.readTree(get(id, cyToken, "/matrix").body()).get("rows")).isEmpty();
        assertThatThrownBy(() -> crossEvaluation.computeNow(id)).as("not the host")
                .isInstanceOf(CompetitionRefusedException.class);
        signInAsHost();
        crossEvaluation.computeNow(id);
        Matrix matrix = waitMatrixDone(id);
        ClassifierPool target = catalog.classifier(catalog.newest(ClassifierId.parse("mnist-lenet", 1)));
        Map<Long, float[][]> attacks = Map.of(cyAttack, swapped, deeAttack, untouched);
        assertThat(matrix.images()).isEqualTo(IMAGES);
        assertThat(matrix.columns()).extracting(Matrix.Column::defenseId).containsExactly(null, adaDefense.id(),
                boDefense.id());
        assertThat(matrix.rows()).extracting(Matrix.Row::submissionId).containsExactlyInAnyOrder(cyAttack, deeAttack);
        List<Integer> defenseScores = new ArrayList<>(List.of(0, 0, 0));
        for (Matrix.Row row : matrix.rows()) {
            float[][] images = attacks.get(row.submissionId());
            List<Integer> expected = new ArrayList<>();
            expected.add(misclassified(set, target, images));
            expected.add(misclassified(set, networks.get(adaDefense.id()), images));
            expected.add(misclassified(set, networks.get(boDefense.id()), images));
            assertThat(row.misclassified()).containsExactlyElementsOf(expected);
            assertThat(row.score()).isEqualTo(expected.stream().mapToInt(Integer::intValue).sum());
            for (int c = 0; c < 3; c++) {
                defenseScores.set(c, defenseScores.get(c) + IMAGES - expected.get(c));
            }
        }
        assertThat(matrix.columns()).extracting(Matrix.Column::score).containsExactlyElementsOf(defenseScores);
        Matrix.Row cyRow = matrix.rows().stream().filter(r -> r.submissionId() == cyAttack).findFirst().orElseThrow();
        assertThat(cyRow.misclassified().getFirst()).as("the target misclassifies every swapped image").isEqualTo(IMAGES);
        assertThat(cyRow.rank()).isEqualTo(1);
        assertThat(crossEvaluation.exportCsv(id)).startsWith(CrossEvaluationService.CSV_HEADER)
                .contains(cy.nickname()).contains(ada.nickname());

        // one computation at a time
        jdbc.update("update competition_matrix set status = 'QUEUED' where competition_id = ?", id);
        assertThatThrownBy(() -> crossEvaluation.computeNow(id)).isInstanceOf(CompetitionRefusedException.class)
                .extracting(e -> ((CompetitionRefusedException) e).key()).isEqualTo("competition.matrix.refused.busy");
        SecurityContextHolder.clearContext();

        // the end: the end's execution recomputes the matrix, which everyone now sees, and the private defense board
        jdbc.update("update competition set ends_at = ? where id = ?", Timestamp.from(Instant.now().minusSeconds(1)), id);
        matrixJob.compute(id, true);
        JsonNode seen = json.readTree(get(id, cyToken, "/matrix").body());
        assertThat(seen.get("status").asString()).isEqualTo("DONE");
        assertThat(seen.get("rows")).hasSize(2);
        assertThat(seen.get("columns").get(1).get("name").asString()).isEqualTo(ada.nickname());
        JsonNode boards = json.readTree(get(id, cyToken, "/defense-board").body());
        assertThat(boards.get(1).get("privateHalf").asBoolean()).isTrue();
        assertThat(boards.get(1).get("rows")).hasSize(2);
        double first = boards.get(1).get("rows").get(0).get("robustAccuracy").asDouble();
        double second = boards.get(1).get("rows").get(1).get("robustAccuracy").asDouble();
        assertThat(first).isGreaterThanOrEqualTo(second);
    }

    /**
     * How long a course-sized cross-evaluation takes here: 10 LeNet defenses (copies of one tiny trained
     * one, each loaded from its own row) and 30 attacks on 100 images, and one attack-phase evaluation
     * against the 10 defenses. Run with -Dmatrix.measure=true.
     */
    @Test
    @EnabledIfSystemProperty(named = "matrix.measure", matches = "true")
    void aCourseSizedMatrixIsTimed() throws Exception {
        int images = 100;
        long id = host(images);
        Entrant first = competitions.enter(id, players.join("D0" + suffix()), null);
        Defense trained = waitJudged(defenses.submit(first.id(), new DefenseRecipe(DefenseMethod.PLAIN,
                ClassifierArchitecture.LENET, 0f, 0, 1, 3)).id());
        for (int d = 1; d < 10; d++) {
            Entrant defender = competitions.enter(id, players.join("D" + d + suffix()), null);
            jdbc.update("insert into competition_defense (competition_id, entrant_id, method, architecture, epsilon,"
                    + " attack_steps, epochs, seed, status, step, total_steps, submitted_at, trained_at, evaluated_at,"
                    + " weights, weights_sha256, clean_accuracy, robust_accuracy, pgd_accuracy, apgd_accuracy,"
                    + " public_robust, private_robust, robust) select competition_id, ?, method, architecture, epsilon,"
                    + " attack_steps, epochs, seed, status, step, total_steps, submitted_at, trained_at, evaluated_at,"
                    + " weights, weights_sha256, clean_accuracy, robust_accuracy, pgd_accuracy, apgd_accuracy,"
                    + " public_robust, private_robust, robust from competition_defense where id = ?", defender.id(),
                    trained.id());
        }
        jdbc.update("update competition_phase set starts_at = ? where competition_id = ? and position = 1",
                Timestamp.from(Instant.now()), id);
        byte[] untouched = AttackFile.raw(competitionStore.challengeSet(id).images().stream().map(ChallengeImage::pixels)
                .toArray(float[][]::new));
        long lastAttack = -1;
        for (int a = 0; a < 30; a++) {
            Entrant attacker = competitions.enter(id, players.join("A" + a + suffix()), null);
            // stored as scored without an execution: the matrix needs only the stored images
            lastAttack = jdbc.queryForObject("insert into competition_submission (competition_id, entrant_id, channel,"
                    + " phase_position, status, submitted_at, evaluated_at, images, images_sha256, public_success,"
                    + " private_success, public_perturbation, private_perturbation) values (?, ?, 'API', 1, ?, now(),"
                    + " now(), ?, ?, 0, 0, 0, 0) returning id", Long.class, id, attacker.id(),
                    a == 0 ? "QUEUED" : "SCORED", untouched, CompetitionService.sha256(untouched));
        }
        long queued = jdbc.queryForObject("select min(id) from competition_submission where competition_id = ?",
                Long.class, id);
        long started = System.nanoTime();
        evaluationJob.evaluate(queued);
        long evaluationMs = (System.nanoTime() - started) / 1_000_000;
        assertThat(jdbc.queryForObject("select count(*) from competition_attack_result where submission_id = ?",
                Integer.class, queued)).isEqualTo(10);
        matrixJob.compute(id, false);
        Long matrixMs = jdbc.queryForObject("select computing_ms from competition_matrix where competition_id = ?"
                + " and status = 'DONE'", Long.class, id);
        assertThat(jdbc.queryForObject("select count(*) from competition_matrix_cell where competition_id = ?",
                Integer.class, id)).isEqualTo(30 * 11);
        System.out.printf("COURSE MATRIX: one attack of %d images against the target and 10 LeNet defenses in %d ms;"
                + " matrix of 30 attacks x 11 columns in %d ms (last attack %d)%n", images, evaluationMs, matrixMs,
                lastAttack);
    }

    // ---- helpers ----

    private long host() {
        return host(IMAGES);
    }

    private long host(int images) {
        hostEmail = "host-" + suffix() + "@example.org";
        jdbc.update("insert into account (email, display_name, role, status, created_at, updated_at)"
                + " values (?, 'Host', 'INSTRUCTOR', 'ACTIVE', now(), now())", hostEmail);
        signInAsHost();
        try {
            Instant begin = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS);
            return competitions.host(new CompetitionSettings("Attack the defenses", "Rules", false, begin,
                    begin.plus(Duration.ofDays(7)), List.of(new CompetitionPhase("defend", begin, false, false),
                            new CompetitionPhase("white-box attack", begin.plus(Duration.ofDays(1)), false, true)),
                    5, 10, Duration.ofHours(1), false, "mnist-lenet", images, 17,
                    new AttackBudget(BudgetNorm.LINF, 1.0), true));
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void signInAsHost() {
        HostedCompetitions.signIn(hostEmail, "INSTRUCTOR");
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 6);
    }

    private static int misclassified(ChallengeSet set, ClassifierPool network, float[][] images) {
        int[] predicted = EvaluationJob.predict(network, images);
        int count = 0;
        for (ChallengeImage image : set.images()) {
            count += predicted[image.position()] != image.label() ? 1 : 0;
        }
        return count;
    }

    private Defense waitJudged(long defenseId) throws InterruptedException {
        waitUntil(() -> !defenseStore.find(defenseId).orElseThrow().status().active());
        Defense judged = defenseStore.find(defenseId).orElseThrow();
        assertThat(judged.status()).as(judged.failure()).isEqualTo(DefenseStatus.SCORED);
        return judged;
    }

    private Matrix waitMatrixDone(long id) throws InterruptedException {
        waitUntil(() -> crossEvaluation.matrix(competitions.view(id, null, null)).status() == MatrixStatus.DONE
                || crossEvaluation.matrix(competitions.view(id, null, null)).status() == MatrixStatus.FAILED);
        Matrix matrix = crossEvaluation.matrix(competitions.view(id, null, null));
        assertThat(matrix.status()).as(matrix.failure()).isEqualTo(MatrixStatus.DONE);
        return matrix;
    }

    private JsonNode waitScored(long id, String token, long submission) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonNode current = json.readTree(get(id, token, "/submissions/" + submission).body());
        while (!current.get("status").asString().equals("SCORED")) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Submission " + submission + " not scored: " + current);
            }
            Thread.sleep(200);
            current = json.readTree(get(id, token, "/submissions/" + submission).body());
        }
        return current;
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not done within " + WAIT);
            }
            Thread.sleep(200);
        }
    }

    private HttpResponse<byte[]> get(long id, String token, String path) throws Exception {
        return new ApiClient(port).get(id, token, path);
    }

    private HttpResponse<byte[]> post(long id, String token, byte[] file) throws Exception {
        return new ApiClient(port).submit(id, token, file, ApiClient.NPY);
    }
}
