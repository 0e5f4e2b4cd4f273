package org.adversarialarena.fool;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.random.RandomGenerator;
import org.adversarialarena.ml.attack.AttackGoal;
import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.ml.explain.Saliency;
import org.adversarialarena.ml.image.ImagePixels;
import org.adversarialarena.ml.image.InvalidImageException;
import org.adversarialarena.ml.model.ClassifierId;
import org.adversarialarena.ml.serve.ClassifierPool;
import org.adversarialarena.ml.serve.Softmax;
import org.adversarialarena.catalog.ModelCatalog;
import org.adversarialarena.player.Player;
import org.adversarialarena.round.Board;
import org.adversarialarena.round.Game;
import org.adversarialarena.round.GameRound;
import org.adversarialarena.round.RoundService;
import org.adversarialarena.round.SubmissionLimiter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Fool game's rules, enforced on the server: it hands out challenge images, shows the visible
 * model's view of an edit, and judges submissions. A submission is checked against the original the
 * server holds for its challenge (never one the browser sends), within the level's budget, before
 * the expiry and only once; the judging model then decides, and the points are computed here. A
 * success is scored as a round, which puts it on the level's leaderboard.
 */
@Service
@Transactional
@EnableConfigurationProperties(FoolProperties.class)
public class FoolService {

    private final IssuedChallengeRepository challenges;
    private final FoolAttemptRepository attempts;
    private final ModelCatalog models;
    private final RoundService rounds;
    private final SubmissionLimiter limiter;
    private final SentinelDetector detector;
    private final FoolProperties properties;
    private final Clock clock;
    private final ChallengePicker picker;

    FoolService(IssuedChallengeRepository challenges, FoolAttemptRepository attempts, ModelCatalog models,
            RoundService rounds, SubmissionLimiter limiter, SentinelDetector detector, FoolProperties properties,
            Clock clock) {
        this.challenges = challenges;
        this.attempts = attempts;
        this.models = models;
        this.rounds = rounds;
        this.limiter = limiter;
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
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.SUPPORTS, readOnly = true)
    public boolean isAvailable(FoolLevel level, DatasetId dataset) {
        return models.isShipped(level.judgingModel(dataset)) && models.isShipped(level.visibleModel(dataset))
                && (!level.guardedByDetector() || detector.available(dataset));
    }

    /** A new image for {@code player}: never the one they had last on this dataset. */
    public Challenge newChallenge(Player player, FoolLevel level, DatasetId dataset) {
        if (!isAvailable(level, dataset)) {
            throw new LevelUnavailableException(level, dataset.slug(), level.guardedByDetector()
                    ? "an adversarial-example detector" : level.judgingModel(dataset).toString());
        }
        Long playerId = player.getId();
        if (playerId == null) {
            throw new IllegalArgumentException("Only a saved player can be given a challenge");
        }
        int previous = challenges.findFirstByPlayerIdAndDatasetOrderByIssuedDesc(playerId, dataset.slug())
                .map(IssuedChallenge::imageIndex).orElse(-1);
        ClassifierId judgeId = level.judgingModel(dataset);
        ChallengePicker.Pick pick = picker.pick(models.dataset(dataset).test(), models.classifier(judgeId), previous,
                level.targeted());
        Instant now = clock.instant();
        IssuedChallenge challenge = challenges.save(new IssuedChallenge(player, level, dataset, pick.index(), pick.trueClass(),
                pick.targetClass(), judgeId.name(), judgeId.version(), now, now.plus(properties.challengeTtl())));
        return view(challenge);
    }

    /**
     * What the visible model says about an edit of {@code challenge}'s image, with the budget it uses:
     * the live feedback after each stroke. No database access, so it stays fast.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.SUPPORTS, readOnly = true)
    public Probe probe(Challenge challenge, float[] pixels) {
        float[] edited = Budget.withoutRoundingNoise(challenge.original(), validImage(pixels));
        float[] probabilities = models.classifier(challenge.level().visibleModel(challenge.dataset())).probabilities(edited);
        int predicted = Softmax.argmax(probabilities);
        double detectorScore = Double.NaN;
        boolean flagged = false;
        if (challenge.level().guardedByDetector()) {
            detectorScore = detector.adversarialProbability(challenge.dataset(), edited);
            flagged = detectorScore >= detector.threshold(challenge.dataset());
        }
        return new Probe(probabilities, predicted, challenge.budget().use(challenge.original(), edited),
                challenge.goal().reachedBy(predicted) && !flagged, detectorScore, flagged);
    }

    /**
     * Where the visible model is most sensitive for the class the player works against (the true
     * class, or the target on a targeted level): the hint overlay. Only on levels with open gradients.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.SUPPORTS, readOnly = true)
    public float[] saliencyHint(Challenge challenge, float[] pixels) {
        if (!challenge.level().offersSaliencyHint()) {
            throw new IllegalStateException("Level " + challenge.level().slug() + " gives no hints");
        }
        int classIndex = challenge.targeted() ? challenge.targetClass() : challenge.trueClass();
        return Saliency.of(models.classifier(challenge.level().visibleModel(challenge.dataset())), validImage(pixels),
                classIndex);
    }

    /**
     * Blindfold: the hidden model's top label for an edit, counted against the challenge's allowance.
     * Returns the label.
     */
    public int askHiddenModel(UUID challengeId, long playerId, float[] pixels) {
        IssuedChallenge challenge = open(challengeId, playerId);
        if (!challenge.level().hiddenModel()) {
            throw new SubmissionRejectedException(SubmissionRejectedException.Reason.NOT_HIDDEN,
                    "This level's model is in plain view; there is nothing hidden to ask.");
        }
        if (challenge.hiddenQueries() >= properties.hiddenQueries()) {
            throw new SubmissionRejectedException(SubmissionRejectedException.Reason.NO_QUERIES_LEFT,
                    "The hidden model has answered " + properties.hiddenQueries() + " times for this image; submit or give up.",
                    properties.hiddenQueries());
        }
        float[] edited = validImage(pixels);
        challenge.countHiddenQuery();
        ClassifierPool hidden = models.classifier(challenge.level().judgingModel(challenge.dataset()));
        return hidden.predictions(new float[][] {edited})[0];
    }

    /**
     * Judges and stores a submission. Throws {@link SubmissionRejectedException} (or the limiter's
     * {@link org.adversarialarena.round.TooManySubmissionsException}) and stores nothing when it is
     * invalid, unknown, closed, expired, over budget or too soon after the last one.
     */
    public AttemptOutcome submit(UUID challengeId, long playerId, float[] pixels) {
        float[] image = validImage(pixels);
        IssuedChallenge challenge = open(challengeId, playerId);
        FoolLevel level = challenge.level();
        DatasetId dataset = challenge.dataset();
        float[] original = originalOf(challenge);
        float[] edited = Budget.withoutRoundingNoise(original, image);
        BudgetUse use = level.budget(dataset).use(original, edited);
        if (!use.withinBudget()) {
            throw new SubmissionRejectedException(SubmissionRejectedException.Reason.OVER_BUDGET, use.overBudgetReason(),
                    level.budgetKind() == BudgetKind.L0 ? use.change().l0() : use.change().linf(), use.budget().limit());
        }
        // Only now does the submission cost a model run and a write: that is what the limiter protects.
        limiter.acquire(playerId, Game.FOOL);

        float[] probabilities = models.classifier(level.judgingModel(dataset)).probabilities(edited);
        Verdict verdict = verdict(challenge, edited, probabilities);
        double points = FoolScoring.points(level, verdict.success(), use);
        Instant now = clock.instant();
        challenge.close(IssuedChallenge.SUBMITTED, now);
        Long roundId = null;
        if (verdict.success()) {
            GameRound round = rounds.start(board(level, dataset), challenge.getPlayer());
            roundId = round.getId();
            rounds.finish(roundId, points);
        }
        FoolAttempt attempt = attempts.save(new FoolAttempt(challenge, original, edited, verdict, use, points, roundId, now));
        Long attemptId = attempt.getId();
        return new AttemptOutcome(attemptId == null ? -1 : attemptId, view(challenge), edited, probabilities, verdict, use,
                points);
    }

    /** Closes the challenge without a score, so the machine can show its answer. */
    public void giveUp(UUID challengeId, long playerId) {
        open(challengeId, playerId).close(IssuedChallenge.GIVEN_UP, clock.instant());
    }

    /** A board's best successful adversarial examples, best first. */
    @Transactional(readOnly = true)
    public List<GalleryItem> gallery(FoolLevel level, DatasetId dataset) {
        return attempts.best(dataset.slug(), level.slug(), Limit.of(properties.gallerySize())).stream()
                .map(a -> new GalleryItem(a.getPlayer().getNickname(), a.original(), a.adversarial(), a.trueClass(),
                        a.predictedClass(), a.confidence(), a.l0(), a.linf(), a.points(), a.submitted()))
                .toList();
    }

    @Transactional(readOnly = true)
    public long attemptsOf(long playerId) {
        return attempts.countByPlayerId(playerId);
    }

    private Verdict verdict(IssuedChallenge challenge, float[] image, float[] probabilities) {
        int predicted = Softmax.argmax(probabilities);
        AttackGoal goal = goalOf(challenge);
        boolean flagged = challenge.level().guardedByDetector() && detector.flags(challenge.dataset(), image);
        return new Verdict(predicted, probabilities[predicted], goal.reachedBy(predicted) && !flagged, flagged);
    }

    private static AttackGoal goalOf(IssuedChallenge challenge) {
        return challenge.targetClass() < 0 ? AttackGoal.untargeted(challenge.trueClass())
                : AttackGoal.targeted(challenge.trueClass(), challenge.targetClass());
    }

    /** The challenge, if it is this player's, still open and not expired; otherwise a rejection saying which. */
    private IssuedChallenge open(UUID challengeId, long playerId) {
        IssuedChallenge challenge = challenges.findById(challengeId)
                .filter(found -> found.playerId() == playerId)
                .orElseThrow(() -> new SubmissionRejectedException(SubmissionRejectedException.Reason.UNKNOWN_CHALLENGE,
                        "There is no challenge " + challengeId + " for this player; start a new one."));
        if (challenge.isClosed()) {
            throw new SubmissionRejectedException(SubmissionRejectedException.Reason.CHALLENGE_CLOSED,
                    "This challenge was already submitted or given up; start a new one.");
        }
        if (challenge.isExpiredAt(clock.instant())) {
            throw new SubmissionRejectedException(SubmissionRejectedException.Reason.CHALLENGE_EXPIRED,
                    String.format(Locale.ROOT, "This challenge expired at %s; start a new one.", challenge.expires()),
                    properties.challengeTtl().toMinutes());
        }
        return challenge;
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
                    e.getMessage());
        }
    }
}
