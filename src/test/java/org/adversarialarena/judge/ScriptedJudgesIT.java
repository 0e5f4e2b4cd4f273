package org.adversarialarena.judge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.player.Player;
import org.adversarialarena.player.PlayerService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The ranking of docs/judge.md, measured from SCRIPTED judges: programs, not people. Each scripted
 * judge reads the detective's stored verdict on the image (what a person cannot see) and says "real"
 * when its log-odds plus the judge's bias plus Gaussian noise of the judge's own spread is positive;
 * one careless judge answers at random and usually fails the warm-up. So the ranking reflects the
 * detective's view of the generators, blurred per judge: it shows the measurement working end to end,
 * not what people think of these generators.
 */
@SpringBootTest(properties = {"arena.forge.train-every=100000", "arena.judge.sessions-per-hour=100"})
class ScriptedJudgesIT {

    private static final int JUDGES = 12;
    private static final long SEED = 22;

    @Autowired
    JudgeService judge;

    @Autowired
    PlayerService players;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void scriptedJudgesRankTheShippedGenerators() throws IOException {
        Random random = new Random(SEED);
        long started = System.nanoTime();
        List<String> lines = new ArrayList<>();
        int qualified = 0;
        for (int j = 0; j < JUDGES; j++) {
            boolean careless = j == JUDGES - 1;
            double bias = random.nextGaussian() * 0.5;
            double spread = 0.5 + random.nextDouble() * 1.5;
            Player player = players.join("scripted-" + j);
            ShownImage first = judge.start(player, DatasetId.MNIST, JudgeMode.UNTIMED, judge.defaultPerKind());
            Optional<ShownImage> shown = Optional.of(first);
            Reveal last = null;
            while (shown.isPresent()) {
                ShownImage image = shown.get();
                boolean saysFake;
                if (careless) {
                    saysFake = random.nextBoolean();
                } else if (image.warmUp()) {
                    saysFake = !isReal(image.itemId());
                } else {
                    double p = Math.max(1e-4, Math.min(1 - 1e-4, detectiveReal(image.itemId())));
                    saysFake = Math.log(p / (1 - p)) + bias + random.nextGaussian() * spread <= 0;
                }
                last = judge.answer(player, image.sessionId(), image.itemId(), saysFake);
                shown = judge.next(player, image.sessionId());
            }
            JudgeResult result = last.finished().orElseThrow();
            qualified += result.qualified() ? 1 : 0;
            lines.add(String.format(Locale.ROOT, "judge %2d%s: bias %+.2f, spread %.2f, accuracy %.2f, qualified %s",
                    j, careless ? " (careless)" : "", bias, spread, result.rates().accuracy().orElse(Double.NaN),
                    result.qualified()));
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        JudgeRanking ranking = judge.ranking(DatasetId.MNIST);
        lines.add("");
        lines.add("| generator | HYPE∞ (fooled) | 95 % interval | evaluations | judges | FID |");
        lines.add("|---|---|---|---|---|---|");
        for (GeneratorStanding standing : ranking.generators()) {
            if (standing.hype().isEmpty()) {
                lines.add("| " + standing.name() + " | no evaluations | | 0 | 0 | — |");
                continue;
            }
            lines.add(String.format(Locale.ROOT, "| %s | %.1f %% | %.1f–%.1f %% | %d | %d | %s |", standing.name(),
                    100 * standing.hype().rate(), 100 * standing.hype().low(), 100 * standing.hype().high(),
                    standing.hype().trials(), standing.hype().evaluators(),
                    standing.frechetDistance().isPresent()
                            ? String.format(Locale.ROOT, "%.1f", standing.frechetDistance().getAsDouble()) : "—"));
        }
        lines.add(String.format(Locale.ROOT, "real images called fake: %.1f %% (%.1f–%.1f %%), %d evaluations",
                100 * ranking.realsCalledFake().rate(), 100 * ranking.realsCalledFake().low(),
                100 * ranking.realsCalledFake().high(), ranking.realsCalledFake().trials()));
        lines.add(String.format(Locale.ROOT, "%d judges played %d sessions of %d images in %.1f s (sessions made and"
                + " answered through JudgeService)", JUDGES, JUDGES, 2 * judge.defaultPerKind() + 4, seconds));
        Path report = Path.of("target", "judge-scripted-ranking.txt");
        Files.createDirectories(report.getParent());
        Files.write(report, lines);

        assertThat(qualified).isGreaterThanOrEqualTo(JUDGES - 1);
        GeneratorStanding top = ranking.generators().getFirst();
        assertThat(top.hype().evaluators()).isEqualTo(qualified);
        assertThat(top.hype().low()).isLessThan(top.hype().high());
    }

    private boolean isReal(long itemId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select real from judge_item where id = ?", Boolean.class, itemId));
    }

    private double detectiveReal(long itemId) {
        Double p = jdbc.queryForObject("select detective_real from judge_item where id = ?", Double.class, itemId);
        return p == null ? 0.5 : p;
    }
}
