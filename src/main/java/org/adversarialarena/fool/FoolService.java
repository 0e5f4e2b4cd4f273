package org.adversarialarena.fool;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;
import org.adversarialarena.base.security.ClientSession;
import org.adversarialarena.base.TranslatedText;
import org.adversarialarena.catalog.ModelCatalog;
import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.ml.explain.Saliency;
import org.adversarialarena.ml.image.ImagePixels;
import org.adversarialarena.ml.image.InvalidImageException;
import org.adversarialarena.ml.model.ClassifierId;
import org.adversarialarena.player.Player;
import org.adversarialarena.quota.Admission;
import org.adversarialarena.quota.RateLimit;
import org.adversarialarena.quota.RateLimiter;
import org.adversarialarena.round.Board;
import org.adversarialarena.round.Game;
import org.adversarialarena.round.StoredResult;
import org.adversarialarena.round.SubmissionLimiter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * The Fool game's rules, enforced on the server: it hands out challenge images, shows the visible
 * model's view of an edit, and judges submissions. A submission is checked against the original the
 * server holds for its challenge (never one the browser sends), within the level's budget, before
 * the expiry and only once; the judging model then decides, and the points are computed here. A
 * success is scored as a round, which puts it on the level's leaderboard.
 *
 * <p>Networks run outside any transaction (they may wait for a pooled copy); the
 * {@link AttemptLedger} reads and records in short transactions of its own. What is judged is the
 * image {@linkplain Budget#asStored as stored}, so a stored attempt re-judges the same.
 */
@Service
@EnableConfigurationProperties(FoolProperties.class)
public class FoolService {

    private final AttemptLedger ledger;
    private final ModelCatalog models;
    private final ChallengeJudge judge;
    private final SubmissionLimiter limiter;
    private final RateLimiter newImages;
    private final RateLimit newImagesPerMinute;
    private final SentinelDetector detector;
    private final FoolProperties properties;
    private final Clock clock;
    private final ChallengePicker picker;

    FoolService(AttemptLedger ledger, ModelCatalog models, ChallengeJudge judge, SubmissionLimiter limiter,
            RateLimiter newImages, SentinelDetector detector, FoolProperties properties, Clock clock) {
        this.ledger = ledger;
        this.models = models;
        this.judge = judge;
        this.limiter = limiter;
        this.newImages = newImages;
        this.newImagesPerMinute = new RateLimit("fool-new-images", properties.newImagesPerMinute(), Duration.ofMinutes(1));
        this.detector = detector;
        this.properties = properties;
        this.clock = clock;
        this.picker = new ChallengePicker(RandomGenerator.getDefault(), properties.minConfidence());
    }

    /** The leaderboard of a level on a dataset. */
    public static Board board(FoolLevel level, DatasetId dataset) {
        return new Board(Game.FOOL, dataset.slug(), level.slug());
    }

    /** Whether every model the level needs on this dataset is shipped. */
    public boolean isAvailable(FoolLevel level, DatasetId dataset) {
        return models.isShipped(level.judgingModel(dataset)) && models.isShipped(level.visibleModel(dataset))
                && (!level.guardedByDetector() || detector.available(dataset));
    }

    /**
     * A new image for {@code player}: never the one they had last on this dataset. It replaces (closes)
     * the player's open challenge of the same level. Throws {@link TooManyNewImagesException} past the
     * per-minute limit, since picking an image runs the judging model.
     */
    public Challenge newChallenge(Player player, FoolLevel level, DatasetId dataset) {
        requireAvailable(level, dataset);
        Long playerId = player.getId();
        if (playerId == null) {
            throw new IllegalArgumentException("Only a saved player can be given a challenge");
        }
        admitNewImage(Long.toString(playerId));
        // A player costs nothing to make: the browser session gets no more than one player's allowance.
        String session = ClientSession.current();
        if (session != null) {
            admitNewImage(session);
        }
        ClassifierId judgeId = level.judgingModel(dataset);
        ChallengePicker.Pick pick = picker.pick(models.dataset(dataset).test(), models.classifier(judgeId),
                ledger.previousImage(playerId, dataset), level.targeted());
        Instant now = clock.instant();
        IssuedChallenge challenge = ledger.issue(new IssuedChallenge(player, level, dataset, pick.index(), pick.trueClass(),
                pick.targetClass(), judgeId.name(), judgeId.version(), now, now.plus(properties.challengeTtl())));
        return view(challenge);
    }

    private void admitNewImage(String key) {
        Admission admission = newImages.hit(newImagesPerMinute, key);
        if (!admission.allowed()) {
            throw new TooManyNewImagesException(admission.retryAfter());
        }
    }

    /**
     * An image for the level on the dataset that its judging model classifies right with confidence:
     * what {@link #newChallenge} picks, chosen once for many players (a workshop's same-image round).
     */
    public ChallengeImage pickImage(FoolLevel level, DatasetId dataset) {
        requireAvailable(level, dataset);
        ChallengePicker.Pick pick = picker.pick(models.dataset(dataset).test(), models.classifier(level.judgingModel(dataset)),
                -1, level.targeted());
        return new ChallengeImage(pick.index(), pick.trueClass(), pick.targetClass());
    }

    /**
     * A challenge on a given image that is not ranked: its success records no global round, so it
     * reaches no leaderboard and no gallery (a workshop keeps its own scores). It replaces the
     * player's open challenge of the level, as {@link #newChallenge} does. Not rate-limited: the
     * caller hands out one per player and round.
     */
    public Challenge issueUnranked(Player player, FoolLevel level, DatasetId dataset, ChallengeImage image, Duration ttl) {
        requireAvailable(level, dataset);
        ClassifierId judgeId = level.judgingModel(dataset);
        Instant now = clock.instant();
        return view(ledger.issue(new IssuedChallenge(player, level, dataset, image.index(), image.trueClass(),
                image.targetClass(), judgeId.name(), judgeId.version(), now, now.plus(ttl)).unranked()));
    }

    /** The player's challenge, open or closed, as their screen shows it. */
    public Challenge challenge(UUID challengeId, long playerId) {
        return view(ledger.find(challengeId, playerId));
    }

    /** Stored attempts by id, with their images and players' nicknames, in the order asked. */
    public List<GalleryItem> attempts(Collection<Long> attemptIds) {
        return attemptIds.isEmpty() ? List.of() : ledger.attempts(attemptIds);
    }

    private void requireAvailable(FoolLevel level, DatasetId dataset) {
        if (!isAvailable(level, dataset)) {
            throw new LevelUnavailableException(level, dataset.slug(), level.guardedByDetector()
                    ? "an adversarial-example detector" : level.judgingModel(dataset).toString());
        }
    }

    /**
     * The player's challenge of this level still open and not expired, e.g. after a reload of the page,
     * so an unfinished image is not silently replaced. Costs no model run.
     */
    public Optional<Challenge> openChallenge(Player player, FoolLevel level, DatasetId dataset) {
        Long playerId = player.getId();
        if (playerId == null || !isAvailable(level, dataset)) {
            return Optional.empty();
        }
        return ledger.openOf(playerId, level, dataset).map(this::view);
    }

    /**
     * What the visible model says about an edit of {@code challenge}'s image, with the budget it uses:
     * the live feedback after each stroke. No database access, so it stays fast.
     */
    public Probe probe(Challenge challenge, float[] pixels) {
        float[] edited = Budget.asStored(validImage(pixels));
        Judgement judgement = judge.judge(challenge.level().visibleModel(challenge.dataset()), challenge, edited);
        return new Probe(judgement.probabilities(), judgement.verdict(), challenge.budget().use(challenge.original(), edited),
                judgement.detectorScore());
    }

    /**
     * Where the visible model is most sensitive for the class the player works against (the true
     * class, or the target on a targeted level): the hint overlay. Only on levels with open gradients.
     */
    public float[] saliencyHint(Challenge challenge, float[] pixels) {
        if (!challenge.level().offersSaliencyHint()) {
            throw new IllegalStateException("Level " + challenge.level().slug() + " gives no hints");
        }
        int classIndex = challenge.targeted() ? challenge.targetClass() : challenge.trueClass();
        return Saliency.of(models.classifier(challenge.level().visibleModel(challenge.dataset())), validImage(pixels),
                classIndex);
    }

    /**
     * Which way to change each pixel, in [−1, 1]: positive where adding ink helps the player (lowers
     * the true class's logit, or raises the target's), negative where removing ink does, scaled so the
     * strongest pixel is ±1. The sign is FGSM's step; pixels already at the edge of their allowed range
     * in the helpful direction show nothing, since the brush could not move them there. Only on levels
     * with open gradients.
     */
    public float[] inkHint(Challenge challenge, float[] pixels) {
        if (!challenge.level().offersSaliencyHint()) {
            throw new IllegalStateException("Level " + challenge.level().slug() + " gives no hints");
        }
        float[] image = Budget.asStored(validImage(pixels));
        int classIndex = challenge.targeted() ? challenge.targetClass() : challenge.trueClass();
        float[] hint = Saliency.signed(models.classifier(challenge.level().visibleModel(challenge.dataset())), image,
                classIndex);
        float[] lower = challenge.budget().lowerBounds(challenge.original());
        float[] upper = challenge.budget().upperBounds(challenge.original());
        for (int i = 0; i < hint.length; i++) {
            float towards = challenge.targeted() ? hint[i] : -hint[i];
            boolean blocked = towards > 0 ? image[i] >= upper[i] : image[i] <= lower[i];
            hint[i] = blocked ? 0f : towards;
        }
        return hint;
    }

    /**
     * Blindfold: the hidden model's top label for an edit, counted against the challenge's allowance.
     * Returns the label.
     */
    public int askHiddenModel(UUID challengeId, long playerId, float[] pixels) {
        float[] edited = Budget.asStored(validImage(pixels));
        IssuedChallenge challenge = ledger.countHiddenQuery(challengeId, playerId);
        return models.classifier(judgingModelOf(challenge)).predictions(new float[][] {edited})[0];
    }

    /**
     * Judges and stores a submission. Throws {@link SubmissionRejectedException} (or the limiter's
     * {@link org.adversarialarena.round.TooManySubmissionsException}) and stores nothing when it is
     * invalid, unknown, closed, expired, over budget or too soon after the last one.
     */
    public AttemptOutcome submit(UUID challengeId, long playerId, float[] pixels) {
        float[] edited = Budget.asStored(validImage(pixels));
        IssuedChallenge issued = ledger.open(challengeId, playerId);
        Challenge challenge = view(issued);
        float[] original = challenge.original();
        BudgetUse use = challenge.budget().use(original, edited);
        if (!use.withinBudget()) {
            throw new SubmissionRejectedException(SubmissionRejectedException.Reason.OVER_BUDGET, use.overBudgetReason(),
                    challenge.level().budgetKind() == BudgetKind.L0 ? use.change().l0() : use.change().linf(),
                    use.budget().limit());
        }
        // Only now does the submission cost a model run and a write: that is what the limiter protects.
        limiter.acquire(playerId, Game.FOOL);

        Judgement judgement = judge.judge(judgingModelOf(issued), challenge, edited);
        Verdict verdict = judgement.verdict();
        double points = FoolScoring.points(challenge.level(), verdict.success(), use);
        long attemptId = ledger.record(challengeId, playerId, original, edited, verdict, use, points);
        return new AttemptOutcome(attemptId, challenge, edited, judgement.probabilities(), verdict, use, points);
    }

    /**
     * The attempt's result reached the player's page. Until then a stored attempt counts as unseen (the
     * node may die between the commit and the answer) and {@link #takeUnseenResults} hands it out again.
     */
    public void resultShown(long attemptId, long playerId) {
        ledger.markShown(attemptId, playerId);
    }

    /**
     * The player's ranked attempts that were stored but whose result never reached their page, e.g.
     * after a {@code kill -9} in the middle of a Submit: the caller shows them, and they count as shown.
     */
    public List<StoredResult> takeUnseenResults(long playerId) {
        return ledger.takeUnshown(playerId);
    }

    /** Closes the challenge without a score, so the machine can show its answer. */
    public void giveUp(UUID challengeId, long playerId) {
        ledger.giveUp(challengeId, playerId);
    }

    /** A board's best successful adversarial examples, best first. */
    public List<GalleryItem> gallery(FoolLevel level, DatasetId dataset) {
        return ledger.gallery(level, dataset);
    }

    public long attemptsOf(long playerId) {
        return ledger.attemptsOf(playerId);
    }

    /** The model the challenge was issued to be judged by. */
    private static ClassifierId judgingModelOf(IssuedChallenge challenge) {
        return ClassifierId.parse(challenge.modelName(), challenge.modelVersion());
    }

    private float[] originalOf(IssuedChallenge challenge) {
        return models.dataset(challenge.dataset()).test().image(challenge.imageIndex());
    }

    private Challenge view(IssuedChallenge challenge) {
        return new Challenge(challenge.getId(), challenge.level(), challenge.dataset(), originalOf(challenge),
                challenge.trueClass(), challenge.targetClass(), challenge.level().budget(challenge.dataset()),
                challenge.expires(), Math.max(0, properties.hiddenQueries() - challenge.hiddenQueries()));
    }

    private static float[] validImage(float[] pixels) {
        try {
            return ImagePixels.requireValid(pixels);
        } catch (InvalidImageException e) {
            throw new SubmissionRejectedException(SubmissionRejectedException.Reason.INVALID_IMAGE, e.getMessage(),
                    new TranslatedText(e.problem().key(), e.arguments()));
        }
    }
}
