package org.adversarialarena.round;

import java.time.Clock;
import java.util.List;
import java.util.NoSuchElementException;
import org.adversarialarena.player.Player;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Starts rounds and records the scores the games compute for them. */
@Service
@Transactional
public class RoundService {

    private final GameRoundRepository rounds;
    private final ScoreRepository scores;
    private final Clock clock;

    RoundService(GameRoundRepository rounds, ScoreRepository scores, Clock clock) {
        this.rounds = rounds;
        this.scores = scores;
        this.clock = clock;
    }

    public GameRound start(Game game, Player player) {
        return rounds.save(new GameRound(game, player, clock.instant()));
    }

    /** Finishes the round and records the points the server computed for it. */
    public Score finish(long roundId, double points) {
        GameRound round = rounds.findById(roundId)
                .orElseThrow(() -> new NoSuchElementException("No game round with id " + roundId));
        round.finish(clock.instant());
        return scores.save(new Score(round, points, clock.instant()));
    }

    @Transactional(readOnly = true)
    public List<Score> scoresOf(long roundId) {
        return scores.findByRoundId(roundId);
    }
}
