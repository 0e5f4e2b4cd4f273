package org.adversarialarena.round;

import java.time.Clock;
import java.util.List;
import java.util.NoSuchElementException;
import org.adversarialarena.player.Player;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Starts rounds and records the scores the games compute for them. */
@Service
@Transactional
public class RoundService {

    private final GameRoundRepository rounds;
    private final ScoreRepository scores;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RoundService(GameRoundRepository rounds, ScoreRepository scores, ApplicationEventPublisher events, Clock clock) {
        this.rounds = rounds;
        this.scores = scores;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Records a round that was played and judged in one go: it starts and finishes now with the
     * server's points, and listeners of {@link RoundScored} update in the same transaction.
     */
    public Score record(Board board, Player player, double points) {
        GameRound round = start(board, player);
        Long roundId = round.getId();
        if (roundId == null) {
            throw new IllegalStateException("A saved round has no id");
        }
        return finish(roundId, points);
    }

    GameRound start(Board board, Player player) {
        return rounds.save(new GameRound(board, player, clock.instant()));
    }

    /**
     * Finishes the round and records the points the server computed for it; listeners of
     * {@link RoundScored} (leaderboards) update in the same transaction.
     */
    Score finish(long roundId, double points) {
        GameRound round = find(roundId);
        round.finish(clock.instant());
        Score score = scores.save(new Score(round, points, clock.instant()));
        events.publishEvent(new RoundScored(roundId, round.getBoard(), playerIdOf(round), points, score.getCreated()));
        return score;
    }

    @Transactional(readOnly = true)
    public GameRound find(long roundId) {
        return rounds.findById(roundId).orElseThrow(() -> new NoSuchElementException("No game round with id " + roundId));
    }

    @Transactional(readOnly = true)
    public List<Score> scoresOf(long roundId) {
        return scores.findByRoundId(roundId);
    }

    private static long playerIdOf(GameRound round) {
        Long id = round.getPlayer().getId();
        if (id == null) {
            throw new IllegalStateException("Round " + round.getId() + " belongs to a player who was never saved");
        }
        return id;
    }
}
