package org.adversarialarena.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Predicate;
import org.adversarialarena.leaderboard.LeaderboardService;
import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.ml.image.ImagePng;
import org.adversarialarena.player.Player;
import org.adversarialarena.player.PlayerService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Judge against the real embedded PostgreSQL, the shipped GANs and Forge's live detective. Tests
 * read an image's truth from the database, as only the server can; each uses players of its own,
 * since the ranking gathers everyone's answers. Forge's detective does not train here.
 */
@SpringBootTest(properties = {"arena.judge.min-per-kind=2", "arena.judge.sessions-per-hour=3",
        "arena.forge.train-every=100000"})
class JudgeServiceIT {

    private static final int PER_KIND = 4;
    private static final int WARM_UP = 4;

    @Autowired
    JudgeService judge;

    @Autowired
    PlayerService players;

    @Autowired
    LeaderboardService leaderboards;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aSessionMixesHeldOutRealAndGeneratedImagesNeverTwiceAndKeepsEveryAnswer() {
        Player player = players.join("judge-mix");

        ShownImage first = judge.start(player, DatasetId.MNIST, JudgeMode.UNTIMED, PER_KIND);

        long session = first.sessionId();
        assertThat(first.total()).isEqualTo(2 * PER_KIND + WARM_UP);
        assertThat(first.warmUp()).isTrue();
        assertThat(first.exposureMs()).isEmpty();
        assertThat(count("select count(*) from judge_item where session_id = ? and real and not qualification", session))
                .isEqualTo(PER_KIND);
        assertThat(count("select count(*) from judge_item where session_id = ? and not real and not qualification",
                session)).isEqualTo(PER_KIND);
        assertThat(count("select count(distinct image_digest) from judge_item where session_id = ?", session))
                .isEqualTo(2 * PER_KIND + WARM_UP);
        assertThat(jdbc.queryForList("select distinct source from judge_item where session_id = ? and not real"
                + " and not qualification", String.class, session)).containsAnyOf("mnist-cgan-v1", "mnist-cgan-v2", "mnist-cgan-v3");
        assertThat(jdbc.queryForList("select reference from judge_item where session_id = ? and source like 'mnist-cgan%'",
                String.class, session)).allMatch(reference -> reference.startsWith("seed:"));

        List<Reveal> reveals = playRightly(player, session, item -> true);

        assertThat(reveals).hasSize(2 * PER_KIND + WARM_UP);
        assertThat(reveals).allMatch(Reveal::correct);
        Reveal generated = reveals.stream().filter(reveal -> reveal.generatorId().startsWith("mnist-cgan")).findFirst()
                .orElseThrow();
        assertThat(generated.real()).isFalse();
        assertThat(generated.generatorName()).isIn("MLP cGAN v1", "DCGAN v2", "MLP cGAN v3");
        assertThat(generated.detectiveReal()).isBetween(0.0, 1.0);
        assertThat(reveals.subList(0, WARM_UP)).noneMatch(Reveal::counted);
        assertThat(reveals.subList(WARM_UP, reveals.size())).allMatch(Reveal::counted);
        JudgeResult result = reveals.getLast().finished().orElseThrow();
        assertThat(result.qualified()).isTrue();
        assertThat(result.rates().accuracy()).hasValue(1.0);
        assertThat(result.rates().answers()).isEqualTo(2 * PER_KIND);
        assertThat(result.points()).isEqualTo(100.0);
        assertThat(count("select count(*) from judge_item where session_id = ? and answered_at is not null"
                + " and answer_ms >= 0 and correct", session)).isEqualTo(2 * PER_KIND + WARM_UP);
        assertThat(judge.next(player, session)).isEmpty();
        assertThat(leaderboards.personalBest(JudgeService.board(DatasetId.MNIST, JudgeMode.UNTIMED), player.getId()))
                .hasValueSatisfying(standing -> assertThat(standing.points()).isEqualTo(100.0));
    }

    @Test
    void onlyTheWaitingImageOfOnesOwnSessionCanBeAnsweredAndOnlyOnce() {
        Player player = players.join("judge-once");
        Player other = players.join("judge-other");
        ShownImage first = judge.start(player, DatasetId.MNIST, JudgeMode.UNTIMED, 2);

        assertThatThrownBy(() -> judge.answer(other, first.sessionId(), first.itemId(), true))
                .isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> judge.answer(player, first.sessionId(), first.itemId() + 1, true))
                .isInstanceOf(ImageNotWaitingException.class);
        judge.answer(player, first.sessionId(), first.itemId(), true);
        assertThatThrownBy(() -> judge.answer(player, first.sessionId(), first.itemId(), false))
                .isInstanceOf(ImageNotWaitingException.class);
        assertThat(count("select count(*) from judge_item where session_id = ? and answered_at is not null",
                first.sessionId())).isOne();
    }

    @Test
    void aWrongWarmUpAnswerKeepsThePlayersAnswersOutOfTheRankingAndOffTheBoard() {
        Player careless = players.join("judge-careless");
        ShownImage first = judge.start(careless, DatasetId.FASHION_MNIST, JudgeMode.UNTIMED, 2);
        long fakesBefore = evaluations(DatasetId.FASHION_MNIST);

        Reveal wrong = judge.answer(careless, first.sessionId(), first.itemId(), isReal(first.itemId()));
        assertThat(wrong.correct()).isFalse();
        List<Reveal> rest = playRightly(careless, first.sessionId(), item -> true);

        assertThat(rest).noneMatch(Reveal::counted);
        JudgeResult result = rest.getLast().finished().orElseThrow();
        assertThat(result.qualified()).isFalse();
        assertThat(result.points()).isZero();
        assertThat(evaluations(DatasetId.FASHION_MNIST)).isEqualTo(fakesBefore);
        assertThat(leaderboards.personalBest(JudgeService.board(DatasetId.FASHION_MNIST, JudgeMode.UNTIMED),
                careless.getId())).isEmpty();
    }

    @Test
    void theRankingPoolsQualifiedEvaluatorsWithABootstrapInterval() {
        long before = evaluations(DatasetId.FASHION_MNIST);
        // One evaluator calls every image real (fooled by every fake), another gets every image right.
        Player fooled = players.join("judge-fooled");
        ShownImage a = judge.start(fooled, DatasetId.FASHION_MNIST, JudgeMode.UNTIMED, PER_KIND);
        playRightly(fooled, a.sessionId(), item -> item.warmUp());
        Player sharp = players.join("judge-sharp");
        ShownImage b = judge.start(sharp, DatasetId.FASHION_MNIST, JudgeMode.UNTIMED, PER_KIND);
        playRightly(sharp, b.sessionId(), item -> true);

        JudgeRanking ranking = judge.ranking(DatasetId.FASHION_MNIST);

        assertThat(evaluations(DatasetId.FASHION_MNIST)).isEqualTo(before + 2 * PER_KIND);
        assertThat(ranking.generators()).extracting(GeneratorStanding::generatorId)
                .contains("fashion-mnist-cgan-v1", "fashion-mnist-cgan-v2");
        assertThat(ranking.generators()).allMatch(standing -> standing.generatorId().startsWith("fashion-mnist"));
        GeneratorStanding top = ranking.generators().getFirst();
        assertThat(top.hype().isEmpty()).isFalse();
        assertThat(top.hype().low()).isLessThanOrEqualTo(top.hype().rate());
        assertThat(top.hype().high()).isGreaterThanOrEqualTo(top.hype().rate());
        assertThat(ranking.generators().stream().filter(standing -> standing.generatorId().contains("cgan")))
                .allMatch(standing -> standing.frechetDistance().isPresent());
        assertThat(ranking.classes()).hasSize(10);
        assertThat(ranking.realsCalledFake().isEmpty()).isFalse();
    }

    @Test
    void timedModeShortensTheExposureAfterCorrectAnswersAndReportsAThreshold() {
        Player player = players.join("judge-timed");
        ShownImage first = judge.start(player, DatasetId.MNIST, JudgeMode.TIMED, 6);
        assertThat(first.total()).isEqualTo(12 + WARM_UP);
        assertThat(first.exposureMs()).hasValue(500);

        List<Integer> exposures = new ArrayList<>();
        Optional<ShownImage> shown = Optional.of(first);
        Reveal last = null;
        int counted = 0;
        while (shown.isPresent()) {
            ShownImage image = shown.get();
            exposures.add(image.exposureMs().orElseThrow());
            boolean real = isReal(image.itemId());
            // Right on the warm-up; then right twice, wrong once, so the staircase turns.
            boolean right = image.warmUp() || counted++ % 3 != 2;
            last = judge.answer(player, image.sessionId(), image.itemId(), right != real);
            shown = judge.next(player, image.sessionId());
        }

        assertThat(exposures.subList(0, WARM_UP)).containsOnly(500);
        // Two right shorten the next exposure, one wrong lengthens it again.
        assertThat(exposures.subList(WARM_UP, exposures.size())).containsExactly(500, 500, 400, 500, 500, 400, 500,
                500, 400, 500, 500, 400);
        assertThat(count("select count(*) from judge_item where session_id = ? and exposure_ms is not null",
                first.sessionId())).isEqualTo(exposures.size());
        JudgeResult result = last.finished().orElseThrow();
        assertThat(result.thresholdMs()).isPresent();
        assertThat(result.points()).isPositive();
        assertThat(jdbc.queryForObject("select threshold_ms from judge_session where id = ?", Double.class,
                first.sessionId())).isEqualTo(result.thresholdMs().getAsDouble());
    }

    @Test
    void sessionsAreLimitedPerPlayerAndSizesToTheirBounds() {
        Player player = players.join("judge-greedy");
        assertThatThrownBy(() -> judge.start(player, DatasetId.MNIST, JudgeMode.UNTIMED, 1))
                .isInstanceOf(SessionSizeException.class);
        assertThatThrownBy(() -> judge.start(player, DatasetId.MNIST, JudgeMode.UNTIMED, 51))
                .isInstanceOf(SessionSizeException.class);
        for (int i = 0; i < 3; i++) {
            judge.start(player, DatasetId.MNIST, JudgeMode.UNTIMED, 2);
        }
        long sessions = count("select count(*) from judge_session where player_id = ?", player.getId());

        assertThatThrownBy(() -> judge.start(player, DatasetId.MNIST, JudgeMode.UNTIMED, 2))
                .isInstanceOf(TooManySessionsException.class);
        assertThat(count("select count(*) from judge_session where player_id = ?", player.getId())).isEqualTo(sessions);
    }

    @Test
    void forgeriesThatFooledForgesDetectiveServeAsTheCrowdGenerator() {
        Player forger = players.join("judge-forger");
        float[] pixels = new float[784];
        for (int row = 6; row < 22; row++) {
            pixels[row * 28 + 14] = 1f;
        }
        Long forgery = jdbc.queryForObject("""
                insert into forgery (player_id, dataset, prompt_class, detective_version, png, real_probability,
                                     class_probability, classifier_agrees, score, created_at)
                values (?, 'mnist', 1, 1, ?, 0.8, 0.9, true, 80, now()) returning id""", Long.class, forger.getId(),
                ImagePng.toPng(pixels));
        Player player = players.join("judge-crowd");

        // As many fakes as generators: one each, so the crowd's one forgery is in the session.
        int generators = judge.generators(DatasetId.MNIST).size();
        ShownImage first = judge.start(player, DatasetId.MNIST, JudgeMode.UNTIMED, generators);

        assertThat(jdbc.queryForList("select reference from judge_item where session_id = ? and source = ?",
                String.class, first.sessionId(), "mnist-forge-crowd")).containsExactly("forgery:" + forgery);
        List<Reveal> reveals = playRightly(player, first.sessionId(), item -> true);
        assertThat(reveals).filteredOn(reveal -> reveal.generatorId().equals("mnist-forge-crowd"))
                .singleElement().satisfies(reveal -> {
                    assertThat(reveal.generatorName()).isEqualTo("Forge players");
                    assertThat(reveal.classIndex()).isOne();
                });
    }

    /** Answers every waiting image: rightly where {@code right} holds, else wrongly. */
    private List<Reveal> playRightly(Player player, long session, Predicate<ShownImage> right) {
        List<Reveal> reveals = new ArrayList<>();
        Optional<ShownImage> shown = judge.next(player, session);
        while (shown.isPresent()) {
            ShownImage image = shown.get();
            boolean real = isReal(image.itemId());
            boolean saysFake = right.test(image) ? !real : real;
            reveals.add(judge.answer(player, session, image.itemId(), saysFake));
            shown = judge.next(player, session);
        }
        return reveals;
    }

    private boolean isReal(long itemId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select real from judge_item where id = ?", Boolean.class, itemId));
    }

    private long evaluations(DatasetId dataset) {
        return judge.ranking(dataset).generators().stream().mapToLong(standing -> standing.hype().trials()).sum();
    }

    private long count(String sql, Object... arguments) {
        Long count = jdbc.queryForObject(sql, Long.class, arguments);
        return count == null ? 0 : count;
    }
}
