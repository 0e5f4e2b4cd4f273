package org.adversarialarena.forge;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.adversarialarena.base.live.LiveListener;
import org.adversarialarena.base.live.ReloadingFeed;
import org.adversarialarena.base.live.Subscription;
import org.adversarialarena.catalog.ModelCatalog;
import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.ml.data.DatasetSplit;
import org.adversarialarena.ml.detective.Detective;
import org.adversarialarena.ml.detective.DetectiveStats;
import org.adversarialarena.ml.detective.DetectiveVerdict;
import org.adversarialarena.ml.detective.NearDuplicateException;
import org.adversarialarena.ml.detective.NearDuplicates;
import org.adversarialarena.ml.detective.RealnessAndSaliency;
import org.adversarialarena.ml.gan.LatentSteering;
import org.adversarialarena.ml.image.ImagePixels;
import org.adversarialarena.ml.image.InvalidImageException;
import org.adversarialarena.ml.model.ClassifierId;
import org.adversarialarena.player.Player;
import org.adversarialarena.round.Board;
import org.adversarialarena.round.Game;
import org.adversarialarena.round.StoredResult;
import org.adversarialarena.round.SubmissionLimiter;
import org.springframework.stereotype.Service;

/**
 * The Forge game: live verdicts while a player paints, submissions scored by the server, the
 * generator a player may start from, and the detective's state.
 *
 * <p>A forgery scores the live detective's real-probability (×100) if the dataset's shipped LeNet
 * agrees it shows the prompted class. Everything the browser sends is re-validated and re-judged
 * here; its own figures are never trusted.
 */
@Service
public class ForgeService {

    /** The classifier that referees the prompt: the shipped LeNet of the dataset. */
    private static final int CLASSIFIER_VERSION = 1;
    private static final long STEERING_SEED = 7;
    private static final int STANDING_SAMPLES = 32;

    private final ModelCatalog models;
    private final LiveDetectives detectives;
    private final ForgeryLedger ledger;
    private final SubmissionLimiter limiter;
    private final ReloadingFeed<DetectiveScope, DetectiveStats> statusFeed;
    private final ForgeProperties properties;
    private final LatentSteering steering;
    private final Map<DatasetId, NearDuplicates> duplicates = new ConcurrentHashMap<>();
    private final Map<PromptKey, float[][]> standingSamples = new ConcurrentHashMap<>();
    private final Map<PromptKey, GeneratorStanding> standings = new ConcurrentHashMap<>();

    ForgeService(ModelCatalog models, LiveDetectives detectives, ForgeryLedger ledger, SubmissionLimiter limiter,
            LiveListener live, ForgeProperties properties) {
        this.models = models;
        this.detectives = detectives;
        this.ledger = ledger;
        this.limiter = limiter;
        // Each node reloads its own detective's status, caught up with what the other nodes stored and trained.
        this.statusFeed = live.feed(DetectiveFeed.TOPIC, detectives::current);
        this.properties = properties;
        this.steering = new LatentSteering(org.adversarialarena.ml.gan.GanArchitecture.LATENT_SIZE, STEERING_SEED);
    }

    /** The leaderboard of one prompt, e.g. {@code forge/mnist/class-7}. */
    public static Board board(DatasetId dataset, int prompt) {
        return new Board(Game.FORGE, dataset.slug(), "class-" + prompt);
    }

    /** The detective's and the classifier's verdicts on an image in progress, without the saliency. */
    public LiveVerdict judge(DatasetId dataset, int prompt, float[] pixels) {
        return judge(dataset, prompt, pixels, false);
    }

    /**
     * Everything the page shows for one stroke: the detective's and the classifier's verdicts and, if
     * {@code withSaliency}, where the detective looks: one call per stroke, the image validated and the
     * detective looked up once.
     */
    public LiveVerdict judge(DatasetId dataset, int prompt, float[] pixels, boolean withSaliency) {
        return judge(DetectiveScope.global(dataset), prompt, pixels, withSaliency);
    }

    /** As {@link #judge(DatasetId, int, float[], boolean)}, by the scope's detective (a workshop run's class detective). */
    public LiveVerdict judge(DetectiveScope scope, int prompt, float[] pixels, boolean withSaliency) {
        float[] image = ImagePixels.requireValid(pixels);
        requirePrompt(scope.dataset(), prompt);
        return judgeValid(scope, prompt, image, withSaliency);
    }

    /**
     * The image judged as {@code earlier} judged again by today's detective: a newer one, or with the
     * saliency asked for. Only the detective looks again; the classifier, which no forgery trains,
     * keeps its probabilities from {@code earlier}. The caller vouches that {@code pixels} are the
     * image {@code earlier} judged.
     */
    public LiveVerdict judgeAgain(DatasetId dataset, int prompt, float[] pixels, LiveVerdict earlier,
            boolean withSaliency) {
        float[] image = ImagePixels.requireValid(pixels);
        requirePrompt(dataset, prompt);
        return judgeValid(DetectiveScope.global(dataset), prompt, image, withSaliency, earlier.classProbabilities());
    }

    /**
     * Judges, scores and stores a forgery and feeds it to the detective. Throws, changing nothing,
     * {@link InvalidImageException} for a malformed image ({@link BlankForgeryException} for a blank
     * one), {@link NearDuplicateException} for a copy of a real image, and
     * {@code TooManySubmissionsException} when the player submits too fast.
     */
    public Submission submit(Player player, DatasetId dataset, int prompt, float[] pixels) {
        return submit(player, DetectiveScope.global(dataset), prompt, pixels, (image, verdict, score) -> ledger.record(player,
                board(dataset, prompt), dataset, prompt, verdict.detectiveVersion(), image, score));
    }

    /**
     * Judges a workshop run's forgery by its class detective (the scope) and the classifier, stores it
     * unranked (no global round, board or gallery) and feeds it to that class detective only. Throws
     * like {@link #submit(Player, DatasetId, int, float[])}.
     */
    public Submission submitUnranked(Player player, DetectiveScope scope, int prompt, float[] pixels) {
        if (scope.isGlobal()) {
            throw new IllegalArgumentException("An unranked forgery is judged by a workshop run's class detective");
        }
        return submit(player, scope, prompt, pixels, (image, verdict, score) -> ledger.recordUnranked(player, scope, prompt,
                verdict.detectiveVersion(), image, score));
    }

    private interface Recorder {
        Submission record(float[] image, LiveVerdict verdict, DetectiveVerdict score);
    }

    /** Validates, judges, records in one short transaction, then feeds the scope's detective. */
    private Submission submit(Player player, DetectiveScope scope, int prompt, float[] pixels, Recorder recorder) {
        DatasetId dataset = scope.dataset();
        float[] image = ImagePixels.requireValid(pixels);
        requirePrompt(dataset, prompt);
        if (ImagePixels.inkedCount(image) == 0) {
            throw new BlankForgeryException();
        }
        duplicatesOf(dataset).requireOriginal(image);
        Long playerId = player.getId();
        if (playerId == null) {
            throw new IllegalArgumentException("Only a player who has joined can submit");
        }
        limiter.acquire(playerId, Game.FORGE);
        LiveVerdict verdict = judgeValid(scope, prompt, image, false);
        DetectiveVerdict score = DetectiveVerdict.of(verdict.realProbability(), verdict.classProbabilities(), prompt);
        Submission submission = recorder.record(image, verdict, score);
        detectives.observed(scope);
        return submission;
    }

    /**
     * The forgery's result reached the player's page. Until then a stored forgery counts as unseen (the
     * node may die between the commit and the answer) and {@link #takeUnseenResults} hands it out again.
     */
    public void resultShown(long forgeryId, long playerId) {
        ledger.markShown(forgeryId, playerId);
    }

    /**
     * The player's forgeries that were stored but whose result never reached their page, e.g. after a
     * {@code kill -9} in the middle of a Submit: the caller shows them, and they count as shown.
     */
    public List<StoredResult> takeUnseenResults(long playerId) {
        return ledger.takeUnshown(playerId);
    }

    /**
     * The generator's image of the prompted class at {@code latent}, judged like a stroke: a new
     * sample on the canvas is one call too.
     */
    public GeneratedSample generate(DatasetId dataset, int prompt, float[] latent, boolean withSaliency) {
        requirePrompt(dataset, prompt);
        float[] image = LatentSteering.sample(models.gan(dataset), prompt, latent);
        return new GeneratedSample(image, judgeValid(DetectiveScope.global(dataset), prompt, image, withSaliency));
    }

    /**
     * The generator's own samples of the prompt (a fixed set of {@value #STANDING_SAMPLES} latents, so
     * two pages agree) judged in one batch by today's detective: how close the generator is to the
     * equilibrium the page's text talks about.
     */
    public GeneratorStanding generatorStanding(DatasetId dataset, int prompt) {
        requirePrompt(dataset, prompt);
        Detective detective = detectives.of(dataset);
        // Read before judging, as for live verdicts: a standing labelled older than it is only gets refreshed.
        long version = detective.version();
        // Every open Forge page asks again when the detective changes; the first computes, the others share it.
        return standings.compute(new PromptKey(dataset, prompt), (key, known) -> known != null
                && known.detectiveVersion() >= version ? known : standingNow(detective, key, version));
    }

    private GeneratorStanding standingNow(Detective detective, PromptKey key, long version) {
        float[][] images = standingSamples.computeIfAbsent(key, this::generatorSamples);
        int[] prompts = new int[images.length];
        Arrays.fill(prompts, key.prompt());
        float[] realness = detective.realness(images, prompts);
        double sum = 0;
        int atLeastHalf = 0;
        for (float r : realness) {
            sum += r;
            atLeastHalf += r >= 0.5f ? 1 : 0;
        }
        return new GeneratorStanding(sum / realness.length, atLeastHalf, realness.length, version);
    }

    /** The fixed latents give the same samples for as long as the shipped generator is the same. */
    private float[][] generatorSamples(PromptKey key) {
        Random random = new Random(STEERING_SEED);
        float[][] images = new float[STANDING_SAMPLES][];
        for (int i = 0; i < images.length; i++) {
            images[i] = LatentSteering.sample(models.gan(key.dataset()), key.prompt(), steering.shuffle(random));
        }
        return images;
    }

    private record PromptKey(DatasetId dataset, int prompt) {
    }

    /** The latent sliders, shuffle and interpolation the player steers the generator with. */
    public LatentSteering steering() {
        return steering;
    }

    public DetectiveStats detectiveStatus(DatasetId dataset) {
        return detectiveStatus(DetectiveScope.global(dataset));
    }

    public DetectiveStats detectiveStatus(DetectiveScope scope) {
        return detectives.of(scope).stats();
    }

    /** Hands {@code listener} the detective's status whenever it sees a forgery or trains, until closed. */
    public Subscription followDetective(DatasetId dataset, Consumer<DetectiveStats> listener) {
        return followDetective(DetectiveScope.global(dataset), listener);
    }

    public Subscription followDetective(DetectiveScope scope, Consumer<DetectiveStats> listener) {
        return statusFeed.follow(scope, listener);
    }

    /** Stored forgeries by id, oldest first (a workshop's reveal). */
    public List<Forgery> forgeries(List<Long> ids) {
        return ledger.byIds(ids);
    }

    /**
     * The forgeries judged again by the scope's detective as it is now, in the order given: after a
     * round, how many the class detective still lets through once it has trained on them.
     */
    public List<Reverdict> rejudge(DetectiveScope scope, List<Forgery> forgeries) {
        if (forgeries.isEmpty()) {
            return List.of();
        }
        float[][] images = forgeries.stream().map(Forgery::pixels).toArray(float[][]::new);
        int[] prompts = forgeries.stream().mapToInt(Forgery::promptClass).toArray();
        float[] verdicts = detectives.of(scope).realness(images, prompts);
        List<Reverdict> reverdicts = new ArrayList<>(forgeries.size());
        for (int i = 0; i < forgeries.size(); i++) {
            Forgery forgery = forgeries.get(i);
            reverdicts.add(new Reverdict(forgery, verdicts[i], DetectiveVerdict.points(verdicts[i], forgery.classifierAgrees())));
        }
        return reverdicts;
    }

    /**
     * A round of forgeries is over: the scope's detective trains a round on what it saw, then is
     * checkpointed (so a restart resumes it). Runs on the detectives' trainer thread; the future
     * completes when both are done, with the training losses of a class detective's steps accepted
     * during the round and at its end, oldest first (those this node saw since its last round ended).
     */
    public CompletableFuture<List<Double>> learnFromRound(DetectiveScope scope) {
        return detectives.trainAndCheckpoint(scope, properties.stepsPerRound());
    }

    /** A workshop run is over: its class detective is checkpointed and leaves this node's memory. */
    public CompletableFuture<Void> retire(DetectiveScope scope) {
        return detectives.retire(scope);
    }

    /** Completes once every training and checkpoint queued so far is done: what a reader sees next is settled. */
    public CompletableFuture<Void> detectivesSettled() {
        return detectives.settled();
    }

    /** The latest forgeries that fooled the detective (real-probability at least 0.5, prompt recognised). */
    public List<Forgery> gallery(DatasetId dataset, int limit) {
        return ledger.fooledTheDetective(dataset, limit);
    }

    /**
     * The final verdict of a competition: every forgery submitted in [{@code from}, {@code to}) judged
     * again by the detective as it is now, after it has learned from everyone; best first.
     */
    public List<Reverdict> finalVerdict(DatasetId dataset, Instant from, Instant to) {
        List<Reverdict> reverdicts = new ArrayList<>(rejudge(DetectiveScope.global(dataset),
                ledger.submittedBetween(dataset, from, to)));
        reverdicts.sort(Comparator.comparingDouble(Reverdict::points).reversed());
        return reverdicts;
    }

    /** How many forgeries of the prompt the player submitted in [{@code from}, {@code to}) to the global game. */
    public long forgeriesOf(long playerId, DatasetId dataset, int prompt, Instant from, Instant to) {
        return ledger.countOfPlayer(playerId, dataset, prompt, from, to);
    }

    /**
     * The version is read before judging: if a training step lands in between, the verdict is labelled
     * with the older version and the page judges again when it hears of the newer one; read after, an
     * old verdict could carry the new version and never be refreshed.
     */
    private LiveVerdict judgeValid(DetectiveScope scope, int prompt, float[] image, boolean withSaliency) {
        return judgeValid(scope, prompt, image, withSaliency, classProbabilities(scope.dataset(), image));
    }

    private LiveVerdict judgeValid(DetectiveScope scope, int prompt, float[] image, boolean withSaliency,
            float[] probabilities) {
        Detective detective = detectives.of(scope);
        long version = detective.version();
        if (withSaliency) {
            RealnessAndSaliency seen = detective.realnessAndSaliency(image, prompt);
            return new LiveVerdict(seen.realness(), probabilities, version, seen.saliency());
        }
        return new LiveVerdict(detective.realness(image, prompt), probabilities, version, null);
    }

    private float[] classProbabilities(DatasetId dataset, float[] image) {
        ClassifierId referee = ClassifierId.parse(dataset.slug() + "-lenet", CLASSIFIER_VERSION);
        return models.classifier(referee).probabilities(image);
    }

    private NearDuplicates duplicatesOf(DatasetId dataset) {
        return duplicates.computeIfAbsent(dataset, key -> {
            DatasetSplit data = models.dataset(key);
            return new NearDuplicates(properties.duplicateThreshold(), data.train(), data.test());
        });
    }

    private static void requirePrompt(DatasetId dataset, int prompt) {
        if (prompt < 0 || prompt >= dataset.classCount()) {
            throw new IllegalArgumentException("There is no class " + prompt + " in " + dataset.slug()
                    + "; prompts are 0.." + (dataset.classCount() - 1));
        }
    }
}
