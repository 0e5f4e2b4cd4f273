package org.adversarialarena.fool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import org.adversarialarena.catalog.ModelCatalog;
import org.adversarialarena.ml.data.DatasetId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * How hard each level is, measured with the machine's own attacks (FGSM, PGD-40, JSMA, DeepFool, as
 * the comparison after a round runs them) on the same kind of images the game hands out: the share
 * of images on which some attack succeeds within the level's budget, and FGSM's share alone (the
 * closest to a student following the ink hint). The levels' weights in {@link FoolLevel} rest on
 * these figures (docs/fool.md, "Level balance"): one more point of weight each time the success rate
 * halves against the easiest level, to the nearest half, at most {@value #MAX_WEIGHT}. The table is
 * written to target/level-balance.txt.
 */
@SpringBootTest
class LevelBalanceIT {

    private static final int IMAGES = 60;
    /** The heaviest weight: a level nobody fools would otherwise weigh without bound. */
    private static final double MAX_WEIGHT = 4.0;
    private static final long SEED = 18;

    @Autowired
    ModelCatalog models;

    @Autowired
    MachineComparison machine;

    @Autowired
    FoolService fool;

    @Test
    void everyLevelWeighsWhatItsMeasuredSuccessRateSays() throws IOException {
        DatasetId dataset = DatasetId.MNIST;
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%-12s %8s %10s %8s %7s", "level", "images", "any-attack", "FGSM", "weight"));
        List<String> rows = new ArrayList<>();
        double[] rates = new double[FoolLevel.values().length];
        for (FoolLevel level : FoolLevel.values()) {
            if (!fool.isAvailable(level, dataset)) {
                lines.add(level.slug() + " unavailable");
                continue;
            }
            ChallengePicker picker = new ChallengePicker(new Random(SEED), 0.9f);
            int anySuccess = 0;
            int fgsmSuccess = 0;
            for (int i = 0; i < IMAGES; i++) {
                ChallengePicker.Pick pick = picker.pick(models.dataset(dataset).test(),
                        models.classifier(level.judgingModel(dataset)), -1, level.targeted());
                Challenge challenge = new Challenge(UUID.randomUUID(), level, dataset,
                        models.dataset(dataset).test().image(pick.index()), pick.trueClass(), pick.targetClass(),
                        level.budget(dataset), Instant.now().plusSeconds(600), 0);
                List<MachineAttempt> attempts = machine.compare(challenge);
                anySuccess += attempts.stream().anyMatch(MachineAttempt::success) ? 1 : 0;
                fgsmSuccess += attempts.stream().anyMatch(a -> a.attack().startsWith("FGSM") && a.success()) ? 1 : 0;
            }
            rates[level.ordinal()] = anySuccess / (double) IMAGES;
            rows.add(String.format(Locale.ROOT, "%-12s %8d %9.0f%% %7.0f%% %7.1f", level.slug(), IMAGES,
                    100.0 * anySuccess / IMAGES, 100.0 * fgsmSuccess / IMAGES, level.weight()));
        }
        double easiest = Arrays.stream(rates).max().orElse(1);
        for (FoolLevel level : FoolLevel.values()) {
            rows.set(level.ordinal(), rows.get(level.ordinal())
                    + String.format(Locale.ROOT, "  measured weight %.1f", weightFor(rates[level.ordinal()], easiest)));
        }
        lines.addAll(rows);
        lines.forEach(System.out::println);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/level-balance.txt"), lines);

        assertThat(easiest).as("some level is within the machine's reach").isPositive();
        for (FoolLevel level : FoolLevel.values()) {
            // Half a point of slack: a borderline image may go the other way on another CPU's arithmetic.
            assertThat(level.weight()).as("%s, fooled by the machine on %.0f%% of images", level,
                    100 * rates[level.ordinal()]).isCloseTo(weightFor(rates[level.ordinal()], easiest),
                            offset(0.5));
        }
    }

    /** 1 for the easiest level, +1 each time the success rate halves, to the nearest half, capped. */
    static double weightFor(double rate, double easiest) {
        if (rate <= 0) {
            return MAX_WEIGHT;
        }
        double weight = 1 + Math.log(easiest / rate) / Math.log(2);
        return Math.min(MAX_WEIGHT, Math.round(weight * 2) / 2.0);
    }
}
