package org.adversarialarena.round;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.NoSuchElementException;
import org.adversarialarena.player.Player;
import org.adversarialarena.player.PlayerService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class RoundServiceIT {

    @Autowired
    PlayerService players;

    @Autowired
    RoundService rounds;

    @Test
    void aFinishedRoundKeepsItsScore() {
        Player player = players.join("grace");
        GameRound round = rounds.start(Game.FOOL, player);

        Score score = rounds.finish(round.getId(), 42.5);

        assertThat(score.getId()).isNotNull();
        assertThat(rounds.scoresOf(round.getId())).singleElement()
                .satisfies(stored -> assertThat(stored.getPoints()).isEqualTo(42.5));
    }

    @Test
    void aRoundFinishesOnlyOnce() {
        GameRound round = rounds.start(Game.FORGE, players.join("alan"));
        rounds.finish(round.getId(), 1);

        assertThatThrownBy(() -> rounds.finish(round.getId(), 2)).isInstanceOf(IllegalStateException.class);
        assertThat(rounds.scoresOf(round.getId())).hasSize(1);
    }

    @Test
    void nonFiniteScoresAndUnknownRoundsAreRefused() {
        GameRound round = rounds.start(Game.JUDGE, players.join("barbara"));

        assertThatThrownBy(() -> rounds.finish(round.getId(), Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("finite");
        assertThatThrownBy(() -> rounds.finish(Long.MAX_VALUE, 1)).isInstanceOf(NoSuchElementException.class);
    }
}
