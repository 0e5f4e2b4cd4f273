package org.adversarialarena.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.adversarialarena.jobs.GanRunSettings;
import org.adversarialarena.jobs.RunOwner;
import org.adversarialarena.jobs.RunStatus;
import org.adversarialarena.jobs.TrainingRun;
import org.adversarialarena.jobs.TrainingRunService;
import org.adversarialarena.judge.Generator;
import org.adversarialarena.judge.GeneratorStanding;
import org.adversarialarena.judge.JudgeMode;
import org.adversarialarena.judge.JudgeService;
import org.adversarialarena.judge.Reveal;
import org.adversarialarena.judge.ShownImage;
import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.player.Player;
import org.adversarialarena.player.PlayerService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An instructor's promoted Lab run becomes one of Judge's generators: real short runs trained by the
 * worker on the embedded PostgreSQL, promoted, then played in a Judge session whose fakes, reveals and
 * ranking name the run. A finished run that was not promoted stays out.
 */
@SpringBootTest(properties = {"arena.judge.min-per-kind=2", "arena.forge.train-every=100000",
        "db-scheduler.polling-interval=200ms"})
class PromotedRunsInJudgeIT {

    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(3);

    @Autowired
    TrainingRunService runs;

    @Autowired
    JudgeService judge;

    @Autowired
    PlayerService players;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anInstructorsPromotedRunsMakeFakesInJudgeSessionsAndStandInItsRanking() {
        long instructor = account("judge-promoter@example.org");
        TrainingRun conditional = finished(runs.submitGan(RunOwner.account(instructor), tiny(30, true)).id());
        TrainingRun unconditional = finished(runs.submitGan(RunOwner.account(instructor), tiny(30, false)).id());
        TrainingRun notPromoted = finished(runs.submitGan(RunOwner.account(instructor), tiny(20, true)).id());
        runs.promote(instructor, conditional.id());
        runs.promote(instructor, unconditional.id());
        String conditionalId = Generator.labRunId(DatasetId.MNIST, conditional.id());
        String unconditionalId = Generator.labRunId(DatasetId.MNIST, unconditional.id());

        assertThat(judge.generators(DatasetId.MNIST)).extracting(Generator::id)
                .contains(conditionalId, unconditionalId)
                .doesNotContain(Generator.labRunId(DatasetId.MNIST, notPromoted.id()));
        assertThat(judge.generators(DatasetId.FASHION_MNIST)).extracting(Generator::id)
                .noneMatch(id -> Generator.labRunOf(id).isPresent());

        // Eight fakes among the two shipped GANs and the two runs (the crowd has no forgeries here): two each.
        Player player = players.join("judge-lab-run");
        ShownImage first = judge.start(player, DatasetId.MNIST, JudgeMode.UNTIMED, 8);
        List<Map<String, Object>> items = jdbc.queryForList(
                "select source, class_index, reference from judge_item where session_id = ? and source like '%-lab-run-%'",
                first.sessionId());
        assertThat(items).extracting(item -> item.get("source")).contains(conditionalId, unconditionalId);
        assertThat(items).allSatisfy(item -> {
            assertThat((String) item.get("reference")).startsWith("seed:");
            assertThat(((Number) item.get("class_index")).intValue()).isBetween(0, 9);
        });

        List<Reveal> reveals = playRightly(player, first.sessionId());
        assertThat(reveals).filteredOn(reveal -> reveal.generatorId().equals(conditionalId)).isNotEmpty()
                .allSatisfy(reveal -> assertThat(reveal.generatorName())
                        .isEqualTo("Lab run " + conditional.id() + " (MLP)"));
        assertThat(judge.ranking(DatasetId.MNIST).generators()).filteredOn(
                standing -> standing.generatorId().equals(conditionalId) || standing.generatorId().equals(unconditionalId))
                .hasSize(2).allSatisfy(standing -> {
                    assertThat(standing.hype().trials()).isPositive();
                    assertThat(standing.frechetDistance()).isEmpty();
                }).extracting(GeneratorStanding::name).allMatch(name -> name.startsWith("Lab run "));
    }

    /** Answers every image rightly (the truth read from the database, as only the server can). */
    private List<Reveal> playRightly(Player player, long session) {
        List<Reveal> reveals = new ArrayList<>();
        Optional<ShownImage> shown = judge.next(player, session);
        while (shown.isPresent()) {
            long item = shown.get().itemId();
            boolean real = Boolean.TRUE.equals(jdbc.queryForObject("select real from judge_item where id = ?",
                    Boolean.class, item));
            reveals.add(judge.answer(player, session, item, !real));
            shown = judge.next(player, session);
        }
        return reveals;
    }

    private TrainingRun finished(long id) {
        long deadline = System.nanoTime() + RUN_TIMEOUT.toNanos();
        TrainingRun run = runs.find(id).orElseThrow();
        while (!run.status().isFinal()) {
            assertThat(System.nanoTime()).as("run %d to end, last seen %s", id, run).isLessThan(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            run = runs.find(id).orElseThrow();
        }
        assertThat(run.status()).isEqualTo(RunStatus.FINISHED);
        return run;
    }

    private long account(String email) {
        return jdbc.queryForObject("""
                insert into account (email, display_name, role, status, created_at, updated_at)
                values (?, 'Lab', 'INSTRUCTOR', 'ACTIVE', now(), now()) returning id""", Long.class, email);
    }

    private static GanRunSettings tiny(int steps, boolean conditional) {
        return GanRunSettings.parse(Map.of("batchSize", 16, "steps", steps, "conditional", conditional));
    }
}
