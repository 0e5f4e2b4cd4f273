package org.adversarialarena.forge;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.ml.detective.DetectiveVerdict;
import org.adversarialarena.player.Player;
import org.adversarialarena.round.Board;
import org.adversarialarena.round.RoundService;
import org.adversarialarena.round.Score;
import org.adversarialarena.round.StoredResult;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores forgeries together with their round and score in one transaction, so a forgery, its
 * score and its leaderboard entry exist together or not at all. A workshop's forgery is unranked: it
 * records no round and belongs to its run.
 */
@Service
@Transactional
class ForgeryLedger {

    private final ForgeryRepository forgeries;
    private final RoundService rounds;
    private final Clock clock;

    ForgeryLedger(ForgeryRepository forgeries, RoundService rounds, Clock clock) {
        this.forgeries = forgeries;
        this.rounds = rounds;
        this.clock = clock;
    }

    Submission record(Player player, Board board, DatasetId dataset, int prompt, long detectiveVersion, float[] pixels,
            DetectiveVerdict verdict) {
        Score score = rounds.record(board, player, verdict.points());
        long roundId = requireId(score.getRound().getId());
        ForgeryEntity forgery = forgeries.save(new ForgeryEntity(player, roundId, DetectiveScope.global(dataset), prompt,
                detectiveVersion, pixels, verdict, clock.instant()));
        return new Submission(requireId(forgery.getId()), roundId, detectiveVersion, verdict);
    }

    /**
     * Stores a forgery of a workshop run, off every global board. Its result is shown by the workshop's
     * own entry, so it never turns up later as an unseen result of the global game.
     */
    Submission recordUnranked(Player player, DetectiveScope scope, int prompt, long detectiveVersion, float[] pixels,
            DetectiveVerdict verdict) {
        Long playerId = player.getId();
        if (scope.isGlobal() || playerId == null) {
            throw new IllegalArgumentException("An unranked forgery belongs to a workshop run and a joined player");
        }
        ForgeryEntity forgery = forgeries.save(new ForgeryEntity(player, null, scope, prompt, detectiveVersion, pixels,
                verdict, clock.instant()));
        long id = requireId(forgery.getId());
        forgeries.markShown(playerId, List.of(id), clock.instant());
        return new Submission(id, -1, detectiveVersion, verdict);
    }

    @Transactional(readOnly = true)
    List<Forgery> byIds(List<Long> ids) {
        return ids.isEmpty() ? List.of() : forgeries.byIds(ids).stream().map(Forgery::of).toList();
    }

    @Transactional(readOnly = true)
    List<Forgery> fooledTheDetective(DatasetId dataset, int limit) {
        return forgeries.fooledTheDetective(dataset.slug(), Limit.of(limit)).stream().map(Forgery::of).toList();
    }

    @Transactional(readOnly = true)
    List<Forgery> submittedBetween(DatasetId dataset, Instant from, Instant to) {
        return forgeries.submittedBetween(dataset.slug(), from, to).stream().map(Forgery::of).toList();
    }

    @Transactional(readOnly = true)
    long countOfPlayer(long playerId, DatasetId dataset, int prompt, Instant from, Instant to) {
        return forgeries.countOfPlayer(playerId, dataset.slug(), prompt, from, to);
    }

    @Transactional(readOnly = true)
    List<Forgery> latest(DetectiveScope scope, int limit) {
        return forgeries.latest(scope.dataset().slug(), scope.runKey(), Limit.of(limit)).stream().map(Forgery::of).toList();
    }

    /** Ids of the scope's forgeries stored after {@code after}, oldest first, at most {@code limit}. */
    @Transactional(readOnly = true)
    List<Long> idsAfter(DetectiveScope scope, long after, int limit) {
        return forgeries.idsAfter(scope.dataset().slug(), scope.runKey(), after, Limit.of(limit));
    }

    @Transactional(readOnly = true)
    long count(DatasetId dataset) {
        return forgeries.countByDataset(dataset.slug());
    }

    /** The player's results never shown, now marked shown: the caller shows them. */
    List<StoredResult> takeUnshown(long playerId) {
        List<StoredResult> unshown = forgeries.unshown(playerId);
        if (!unshown.isEmpty()) {
            forgeries.markShown(playerId, unshown.stream().map(StoredResult::id).toList(), clock.instant());
        }
        return unshown;
    }

    void markShown(long forgeryId, long playerId) {
        forgeries.markShown(playerId, List.of(forgeryId), clock.instant());
    }

    private static long requireId(@org.jspecify.annotations.Nullable Long id) {
        if (id == null) {
            throw new IllegalStateException("A saved row has no id");
        }
        return id;
    }
}
