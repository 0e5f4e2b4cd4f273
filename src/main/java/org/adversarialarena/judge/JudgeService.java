package org.adversarialarena.judge;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.Set;
import org.adversarialarena.catalog.ModelCatalog;
import org.adversarialarena.forge.ForgeService;
import org.adversarialarena.forge.LiveVerdict;
import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.ml.data.ImageSet;
import org.adversarialarena.ml.image.ImagePng;
import org.adversarialarena.ml.metrics.EvaluatorBootstrap;
import org.adversarialarena.ml.metrics.RateInterval;
import org.adversarialarena.player.Player;
import org.adversarialarena.quota.Admission;
import org.adversarialarena.quota.RateLimit;
import org.adversarialarena.quota.RateLimiter;
import org.adversarialarena.round.Board;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * The Judge game: the player is the discriminator. A session is a shuffled mix of held-out real test
 * images and generated ones (after a few easy warm-up pairs), made and judged by the detective here
 * before anything is stored; the browser gets one image at a time without its truth, and the server
 * judges each answer. Generators come from every {@link GeneratorSource} bean.
 */
@Service
@EnableConfigurationProperties(JudgeProperties.class)
public class JudgeService {

    private static final String SESSIONS_LIMIT = "judge-sessions";
    private static final long BOOTSTRAP_SEED = 1;
    /** How many times a generator is asked again when it gave fewer images, or repeated ones. */
    private static final int DRAW_ROUNDS = 4;

    private final ModelCatalog models;
    private final ForgeService forge;
    private final List<GeneratorSource> sources;
    private final JudgeLedger ledger;
    private final RateLimiter limiter;
    private final JudgeProperties properties;
    private final RateLimit sessionsPerHour;
    private final EvaluatorBootstrap bootstrap;

    JudgeService(ModelCatalog models, ForgeService forge, List<GeneratorSource> sources, JudgeLedger ledger,
            RateLimiter limiter, JudgeProperties properties) {
        this.models = models;
        this.forge = forge;
        this.sources = List.copyOf(sources);
        this.ledger = ledger;
        this.limiter = limiter;
        this.properties = properties;
        this.sessionsPerHour = new RateLimit(SESSIONS_LIMIT, properties.sessionsPerHour(), Duration.ofHours(1));
        this.bootstrap = new EvaluatorBootstrap(properties.resamples(), 0.95, BOOTSTRAP_SEED);
    }

    /** The leaderboard of the sharpest judges of a dataset in one mode, e.g. {@code judge/mnist/untimed}. */
    public static Board board(DatasetId dataset, JudgeMode mode) {
        return JudgeLedger.board(dataset, mode);
    }

    public int defaultPerKind() {
        return properties.perKind();
    }

    public int minPerKind() {
        return properties.minPerKind();
    }

    public int maxPerKind() {
        return properties.maxPerKind();
    }

    /** Every generator of a dataset, from every source. */
    public List<Generator> generators(DatasetId dataset) {
        List<Generator> all = new ArrayList<>();
        for (GeneratorSource source : sources) {
            all.addAll(source.generators(dataset));
        }
        return all;
    }

    /**
     * Makes a new session of {@code perKind} real and {@code perKind} generated images after the
     * warm-up pairs, and serves its first image. Throws {@link SessionSizeException} for a size out
     * of bounds and {@link TooManySessionsException} when the player starts sessions too fast.
     */
    public ShownImage start(Player player, DatasetId dataset, JudgeMode mode, int perKind) {
        if (perKind < properties.minPerKind() || perKind > properties.maxPerKind()) {
            throw new SessionSizeException(perKind, properties.minPerKind(), properties.maxPerKind());
        }
        long playerId = idOf(player);
        Admission admission = limiter.hit(sessionsPerHour, "judge:" + playerId);
        if (!admission.allowed()) {
            throw new TooManySessionsException(admission.retryAfter());
        }
        List<PlannedItem> planned = plan(dataset, perKind, new Random());
        long sessionId = ledger.open(player, dataset, mode, 2 * properties.warmUpPairs(), planned);
        return ledger.serve(playerId, sessionId, properties.staircase())
                .orElseThrow(() -> new IllegalStateException("A new session has no image"));
    }

    /** The image waiting for an answer (served now if it was not yet); empty once the session is played. */
    public Optional<ShownImage> next(Player player, long sessionId) {
        return ledger.serve(idOf(player), sessionId, properties.staircase());
    }

    /**
     * Judges and stores the player's answer to the waiting image: {@code saysFake} is their verdict.
     * Throws {@link ImageNotWaitingException} for any other image and {@link NoSuchElementException}
     * for a session that is not theirs.
     */
    public Reveal answer(Player player, long sessionId, long itemId, boolean saysFake) {
        JudgeLedger.Answered answered = ledger.answer(idOf(player), sessionId, itemId, saysFake, properties.staircase());
        return new Reveal(answered.itemId(), answered.real(), answered.saidFake(), answered.correct(), answered.source(),
                nameOf(answered.source()), answered.classIndex(), answered.detectiveReal(), answered.detectiveVersion(),
                answered.answerMs(), answered.counted(), answered.finished());
    }

    /** The session's measures so far. */
    public JudgeResult result(Player player, long sessionId) {
        return ledger.result(idOf(player), sessionId, properties.staircase());
    }

    /**
     * The dataset's generators by HYPE∞ (most fooling first; those without evaluations last), with
     * 95 % bootstrap intervals over evaluators; per class; and the real images' error rate.
     */
    public JudgeRanking ranking(DatasetId dataset) {
        Map<String, Generator> byId = new LinkedHashMap<>();
        for (Generator generator : generators(dataset)) {
            byId.put(generator.id(), generator);
        }
        Map<String, List<JudgeLedger.Tally>> bySource = grouped(ledger.fakesBySourceAndPlayer(dataset));
        List<GeneratorStanding> standings = new ArrayList<>();
        for (Generator generator : byId.values()) {
            standings.add(new GeneratorStanding(generator.id(), generator.name(),
                    interval(bySource.getOrDefault(generator.id(), List.of())), generator.frechetDistance()));
        }
        // Generators that made images once but are gone now (a removed Lab run) keep their record.
        bySource.forEach((source, tallies) -> {
            if (!byId.containsKey(source) && !PlannedItem.WARM_UP_SOURCE.equals(source)) {
                standings.add(new GeneratorStanding(source, source, interval(tallies), OptionalDouble.empty()));
            }
        });
        standings.sort(Comparator.comparing((GeneratorStanding standing) -> standing.hype().isEmpty())
                .thenComparing(standing -> -standing.hype().rate()));

        Map<String, List<JudgeLedger.Tally>> byClass = grouped(ledger.fakesByClassAndPlayer(dataset));
        List<ClassStanding> classes = new ArrayList<>();
        for (int c = 0; c < dataset.classCount(); c++) {
            classes.add(new ClassStanding(c, interval(byClass.getOrDefault(Integer.toString(c), List.of()))));
        }
        classes.sort(Comparator.comparing((ClassStanding standing) -> standing.fooled().isEmpty())
                .thenComparing(standing -> -standing.fooled().rate()));
        return new JudgeRanking(dataset, standings, classes, interval(ledger.realsByPlayer(dataset)));
    }

    String nameOf(String generatorId) {
        if (PlannedItem.REAL_SOURCE.equals(generatorId) || PlannedItem.WARM_UP_SOURCE.equals(generatorId)) {
            return "";
        }
        for (DatasetId dataset : DatasetId.values()) {
            for (Generator generator : generators(dataset)) {
                if (generator.id().equals(generatorId)) {
                    return generator.name();
                }
            }
        }
        return generatorId;
    }

    private RateInterval interval(List<JudgeLedger.Tally> tallies) {
        long[] hits = new long[tallies.size()];
        long[] trials = new long[tallies.size()];
        for (int i = 0; i < tallies.size(); i++) {
            hits[i] = tallies.get(i).hits();
            trials[i] = tallies.get(i).shown();
        }
        return bootstrap.pooledRate(hits, trials);
    }

    private static Map<String, List<JudgeLedger.Tally>> grouped(List<JudgeLedger.Tally> tallies) {
        Map<String, List<JudgeLedger.Tally>> grouped = new LinkedHashMap<>();
        for (JudgeLedger.Tally tally : tallies) {
            grouped.computeIfAbsent(tally.label(), key -> new ArrayList<>()).add(tally);
        }
        return grouped;
    }

    /**
     * Warm-up pairs first (each a real image and a scrambled one, in random order), then the shuffled
     * real and generated images; no image twice. Every image is judged by the detective here.
     */
    private List<PlannedItem> plan(DatasetId dataset, int perKind, Random random) {
        ImageSet test = models.dataset(dataset).test();
        ImageSet train = models.dataset(dataset).train();
        Set<String> digests = new HashSet<>();
        List<Integer> realIndices = distinctIndices(test.size(), perKind + properties.warmUpPairs(), random);

        List<PlannedItem> warmUp = new ArrayList<>();
        for (int pair = 0; pair < properties.warmUpPairs(); pair++) {
            int index = realIndices.get(perKind + pair);
            PlannedItem real = judged(dataset, true, true, PlannedItem.REAL_SOURCE, test.label(index), "test:" + index,
                    test.image(index));
            int scrambled = random.nextInt(train.size());
            long seed = random.nextLong();
            PlannedItem fake = judged(dataset, true, false, PlannedItem.WARM_UP_SOURCE, train.label(scrambled),
                    "scrambled-train:" + scrambled + ":" + seed, scramble(train.image(scrambled), new Random(seed)));
            List<PlannedItem> both = new ArrayList<>(List.of(real, fake));
            Collections.shuffle(both, random);
            both.forEach(item -> keepDistinct(item, digests));
            warmUp.addAll(both);
        }

        List<PlannedItem> main = new ArrayList<>(2 * perKind);
        for (int i = 0; i < perKind; i++) {
            int index = realIndices.get(i);
            PlannedItem real = judged(dataset, false, true, PlannedItem.REAL_SOURCE, test.label(index), "test:" + index,
                    test.image(index));
            if (digests.add(real.digest())) {
                main.add(real);
            }
        }
        for (Fake fake : fakes(dataset, perKind, random)) {
            PlannedItem item = judged(dataset, false, false, fake.generatorId(), fake.classIndex(), fake.reference(),
                    fake.pixels());
            if (digests.add(item.digest())) {
                main.add(item);
            }
        }
        Collections.shuffle(main, random);
        List<PlannedItem> all = new ArrayList<>(warmUp);
        all.addAll(main);
        return all;
    }

    /**
     * {@code count} fakes shared out evenly among the generators in random order; what one cannot give
     * (the crowd may have few forgeries) is asked of the others.
     */
    private List<Fake> fakes(DatasetId dataset, int count, Random random) {
        List<Generator> generators = new ArrayList<>(generators(dataset));
        if (generators.isEmpty()) {
            throw new IllegalStateException("No generator makes " + dataset.slug() + " images");
        }
        Collections.shuffle(generators, random);
        List<Fake> fakes = new ArrayList<>(count);
        Set<String> references = new HashSet<>();
        List<Generator> able = new ArrayList<>(generators);
        for (int round = 0; round < DRAW_ROUNDS && fakes.size() < count && !able.isEmpty(); round++) {
            int missing = count - fakes.size();
            List<Generator> stillAble = new ArrayList<>();
            for (int g = 0; g < able.size(); g++) {
                int quota = missing / able.size() + (g < missing % able.size() ? 1 : 0);
                if (quota == 0) {
                    stillAble.add(able.get(g));
                    continue;
                }
                List<Fake> drawn = able.get(g).draw(quota, random);
                int fresh = 0;
                for (Fake fake : drawn) {
                    if (references.add(fake.generatorId() + "|" + fake.reference())) {
                        fakes.add(fake);
                        fresh++;
                    }
                }
                if (fresh == quota) {
                    stillAble.add(able.get(g));
                }
            }
            able = stillAble;
        }
        if (fakes.size() < count) {
            throw new IllegalStateException("The generators of " + dataset.slug() + " gave " + fakes.size()
                    + " distinct images, not " + count);
        }
        return fakes;
    }

    private PlannedItem judged(DatasetId dataset, boolean warmUp, boolean real, String source, int classIndex,
            String reference, float[] pixels) {
        byte[] png = PlannedItem.pngOf(pixels);
        LiveVerdict verdict = forge.judge(dataset, classIndex, ImagePng.fromPng(png));
        return new PlannedItem(warmUp, real, source, classIndex, reference, png,
                Math.max(0, Math.min(1, verdict.realProbability())), verdict.detectiveVersion());
    }

    private static void keepDistinct(PlannedItem item, Set<String> digests) {
        if (!digests.add(item.digest())) {
            throw new IllegalStateException("A warm-up image repeats: " + item.reference());
        }
    }

    /** A real image's pixels in random places: the same ink, no longer a digit or a garment. */
    static float[] scramble(float[] pixels, Random random) {
        float[] scrambled = pixels.clone();
        for (int i = scrambled.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            float swap = scrambled[i];
            scrambled[i] = scrambled[j];
            scrambled[j] = swap;
        }
        return scrambled;
    }

    private static List<Integer> distinctIndices(int size, int count, Random random) {
        if (count > size) {
            throw new IllegalStateException("Only " + size + " test images for " + count + " real ones");
        }
        Set<Integer> chosen = new LinkedHashSet<>();
        while (chosen.size() < count) {
            chosen.add(random.nextInt(size));
        }
        return new ArrayList<>(chosen);
    }

    private static long idOf(Player player) {
        Long id = player.getId();
        if (id == null) {
            throw new IllegalArgumentException("Only a player who has joined can judge");
        }
        return id;
    }
}
