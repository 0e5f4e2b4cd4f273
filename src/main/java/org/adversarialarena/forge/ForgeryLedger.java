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
 * score and its leaderboard entry exist together or not at all.
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
        ForgeryEntity forgery = forgeries.save(new ForgeryEntity(player, roundId, dataset.slug(), prompt, detectiveVersion, pixels,
                verdict, clock.instant()));
        return new Submission(requireId(forgery.getId()), roundId, detectiveVersion, verdict);
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
    List<Forgery> latest(DatasetId dataset, int limit) {
        return forgeries.latest(dataset.slug(), Limit.of(limit)).stream().map(Forgery::of).toList();
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
