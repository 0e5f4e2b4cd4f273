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
        GameRound round = rounds.start(new Board(Game.FOOL, "mnist", "few-pixels"), player);

        Score score = rounds.finish(round.getId(), 42.5);

        assertThat(score.getId()).isNotNull();
        assertThat(rounds.scoresOf(round.getId())).singleElement()
                .satisfies(stored -> assertThat(stored.getPoints()).isEqualTo(42.5));
    }

    @Test
    void aRoundPlayedAndJudgedInOneGoIsRecordedInOneCall() {
        Player player = players.join("hedy");

        Score score = rounds.record(new Board(Game.FOOL, "mnist", "targeted"), player, 61.5);

        GameRound round = rounds.find(score.getRound().getId());
        assertThat(round.getFinished()).isNotNull();
        assertThat(round.getBoard()).isEqualTo(new Board(Game.FOOL, "mnist", "targeted"));
        assertThat(rounds.scoresOf(round.getId())).singleElement()
                .satisfies(stored -> assertThat(stored.getPoints()).isEqualTo(61.5));
    }

    @Test
    void aRoundFinishesOnlyOnce() {
        GameRound round = rounds.start(new Board(Game.FORGE, "mnist", "class-7"), players.join("alan"));
        rounds.finish(round.getId(), 1);

        assertThatThrownBy(() -> rounds.finish(round.getId(), 2)).isInstanceOf(IllegalStateException.class);
        assertThat(rounds.scoresOf(round.getId())).hasSize(1);
    }

    @Test
    void aRoundKnowsItsBoardAndBoardsAreSlugs() {
        Board board = new Board(Game.FOOL, "fashion-mnist", "fortress");
        GameRound round = rounds.start(board, players.join("edsger"));

        assertThat(rounds.find(round.getId()).getBoard()).isEqualTo(board);
        assertThat(board.titleKey()).isEqualTo("board.fool.fashion-mnist.fortress");
        assertThatThrownBy(() -> new Board(Game.FOOL, "MNIST", "x")).hasMessageContaining("slug");
        assertThatThrownBy(() -> new Board(Game.FOOL, "mnist", "a/b")).hasMessageContaining("slug");
    }

    @Test
    void nonFiniteScoresAndUnknownRoundsAreRefused() {
        GameRound round = rounds.start(new Board(Game.JUDGE, "fashion-mnist", "daily"), players.join("barbara"));

        assertThatThrownBy(() -> rounds.finish(round.getId(), Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("finite");
        assertThatThrownBy(() -> rounds.finish(Long.MAX_VALUE, 1)).isInstanceOf(NoSuchElementException.class);
    }
}
