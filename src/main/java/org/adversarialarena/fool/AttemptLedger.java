package org.adversarialarena.fool;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.adversarialarena.fool.SubmissionRejectedException.Reason;
import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.round.RoundService;
import org.adversarialarena.round.StoredResult;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Fool game's records: challenges handed out, and attempts stored together with their round and
 * score in one short transaction, so an attempt, its score and its leaderboard entry exist together
 * or not at all. No network runs here: the service judges first and records after. Whatever closes
 * a challenge locks it and checks again that it is still open, so of two submissions of one
 * challenge only the first is stored.
 */
@Service
@Transactional
class AttemptLedger {

    private final IssuedChallengeRepository challenges;
    private final FoolAttemptRepository attempts;
    private final RoundService rounds;
    private final FoolProperties properties;
    private final Clock clock;

    AttemptLedger(IssuedChallengeRepository challenges, FoolAttemptRepository attempts, RoundService rounds,
            FoolProperties properties, Clock clock) {
        this.challenges = challenges;
        this.attempts = attempts;
        this.rounds = rounds;
        this.properties = properties;
        this.clock = clock;
    }

    /** The image the player had last on this dataset, −1 for none. */
    @Transactional(readOnly = true)
    int previousImage(long playerId, DatasetId dataset) {
        return challenges.findFirstByPlayerIdAndDatasetOrderByIssuedDesc(playerId, dataset.slug())
                .map(IssuedChallenge::imageIndex).orElse(-1);
    }

    /**
     * Stores the new challenge and closes the player's open one of its level, so a player holds at most
     * one open challenge per level. The player's row is locked first, so two requests at once on two
     * nodes cannot both leave theirs open.
     */
    IssuedChallenge issue(IssuedChallenge challenge) {
        challenges.lockPlayerForIssuing(challenge.playerId());
        challenges.closeOpen(challenge.playerId(), challenge.level().slug(), IssuedChallenge.REPLACED, clock.instant());
        // Flushed at once: a caller's transaction (a workshop's) may refer to the row in plain SQL next.
        return challenges.saveAndFlush(challenge);
    }

    /** The player's open, unexpired challenge of the level on the dataset, if any: what a reloaded page resumes. */
    @Transactional(readOnly = true)
    Optional<IssuedChallenge> openOf(long playerId, FoolLevel level, DatasetId dataset) {
        return challenges.findOpen(playerId, level.slug(), dataset.slug(), clock.instant()).stream().findFirst();
    }

    /** Deletes the challenges that expired before {@code cutoff} and were never submitted; returns how many. */
    int purgeExpired(Instant cutoff) {
        return challenges.deleteExpiredWithoutAttempt(cutoff);
    }

    /** The challenge, if it is this player's, still open and not expired; otherwise a rejection saying which. */
    @Transactional(readOnly = true)
    IssuedChallenge open(UUID challengeId, long playerId) {
        return requireOpen(challenges.findById(challengeId), challengeId, playerId);
    }

    /** Counts one answer of the hidden model against the challenge's allowance, or refuses it. */
    IssuedChallenge countHiddenQuery(UUID challengeId, long playerId) {
        IssuedChallenge challenge = locked(challengeId, playerId);
        if (!challenge.level().hiddenModel()) {
            throw new SubmissionRejectedException(Reason.NOT_HIDDEN,
                    "This level's model is in plain view; there is nothing hidden to ask.");
        }
        if (challenge.hiddenQueries() >= properties.hiddenQueries()) {
            throw new SubmissionRejectedException(Reason.NO_QUERIES_LEFT, "The hidden model has answered "
                    + properties.hiddenQueries() + " times for this image; submit or give up.", properties.hiddenQueries());
        }
        challenge.countHiddenQuery();
        return challenge;
    }

    /**
     * Closes the challenge and stores the judged attempt, with a scored round if it succeeded; returns
     * the attempt's id. Refuses, storing nothing, if the challenge was closed meanwhile.
     */
    long record(UUID challengeId, long playerId, float[] original, float[] edited, Verdict verdict, BudgetUse use,
            double points) {
        IssuedChallenge challenge = locked(challengeId, playerId);
        Instant now = clock.instant();
        challenge.close(IssuedChallenge.SUBMITTED, now);
        Long roundId = verdict.success() && challenge.ranked()
                ? rounds.record(FoolService.board(challenge.level(), challenge.dataset()), challenge.getPlayer(), points)
                        .getRound().getId()
                : null;
        FoolAttempt attempt = attempts.save(new FoolAttempt(challenge, original, edited, verdict, use, points, roundId, now));
        return requireId(attempt.getId());
    }

    /** The player's challenge, open or closed: a workshop screen shows it again after a reload. */
    @Transactional(readOnly = true)
    IssuedChallenge find(UUID challengeId, long playerId) {
        return challenges.findById(challengeId).filter(c -> c.playerId() == playerId)
                .orElseThrow(() -> new SubmissionRejectedException(Reason.UNKNOWN_CHALLENGE,
                        "There is no challenge " + challengeId + " for this player; start a new one."));
    }

    /** Attempts by id, with their players' nicknames, in the order asked. */
    @Transactional(readOnly = true)
    List<GalleryItem> attempts(Collection<Long> attemptIds) {
        Map<Long, FoolAttempt> found = new HashMap<>();
        attempts.findWithPlayerByIdIn(attemptIds).forEach(a -> found.put(a.getId(), a));
        return attemptIds.stream().map(found::get).filter(Objects::nonNull).map(AttemptLedger::item).toList();
    }

    void giveUp(UUID challengeId, long playerId) {
        locked(challengeId, playerId).close(IssuedChallenge.GIVEN_UP, clock.instant());
    }

    @Transactional(readOnly = true)
    List<GalleryItem> gallery(FoolLevel level, DatasetId dataset) {
        return attempts.best(dataset.slug(), level.slug(), Limit.of(properties.gallerySize())).stream()
                .map(AttemptLedger::item).toList();
    }

    private static GalleryItem item(FoolAttempt a) {
        return new GalleryItem(requireId(a.getId()), a.getPlayer().getNickname(), a.original(), a.adversarial(),
                a.trueClass(), a.predictedClass(), a.confidence(), a.l0(), a.linf(), a.points(), a.submitted());
    }

    @Transactional(readOnly = true)
    long attemptsOf(long playerId) {
        return attempts.countByPlayerId(playerId);
    }

    /** The player's ranked results never shown, now marked shown: the caller shows them. */
    List<StoredResult> takeUnshown(long playerId) {
        List<StoredResult> unshown = attempts.unshown(playerId);
        if (!unshown.isEmpty()) {
            attempts.markShown(playerId, unshown.stream().map(StoredResult::id).toList(), clock.instant());
        }
        return unshown;
    }

    void markShown(long attemptId, long playerId) {
        attempts.markShown(playerId, List.of(attemptId), clock.instant());
    }

    private IssuedChallenge locked(UUID challengeId, long playerId) {
        return requireOpen(challenges.findForUpdate(challengeId), challengeId, playerId);
    }

    private IssuedChallenge requireOpen(Optional<IssuedChallenge> found, UUID challengeId, long playerId) {
        IssuedChallenge challenge = found.filter(c -> c.playerId() == playerId)
                .orElseThrow(() -> new SubmissionRejectedException(Reason.UNKNOWN_CHALLENGE,
                        "There is no challenge " + challengeId + " for this player; start a new one."));
        if (challenge.isClosed()) {
            throw new SubmissionRejectedException(Reason.CHALLENGE_CLOSED,
                    "This challenge was already submitted or given up; start a new one.");
        }
        if (challenge.isExpiredAt(clock.instant())) {
            throw new SubmissionRejectedException(Reason.CHALLENGE_EXPIRED,
                    String.format(Locale.ROOT, "This challenge expired at %s; start a new one.", challenge.expires()),
                    properties.challengeTtl().toMinutes());
        }
        return challenge;
    }

    private static long requireId(@Nullable Long id) {
        if (id == null) {
            throw new IllegalStateException("A saved attempt has no id");
        }
        return id;
    }
}
