package org.adversarialarena.judge.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import org.adversarialarena.judge.JudgeMode;
import org.adversarialarena.judge.JudgeResult;
import org.adversarialarena.judge.Reveal;
import org.adversarialarena.judge.ShownImage;
import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.ml.metrics.DetectionRates;
import org.junit.jupiter.api.Test;

class JudgePlayTest {

    private final JudgePlay play = new JudgePlay(DatasetId.MNIST, JudgeMode.UNTIMED);
    private final AtomicInteger sent = new AtomicInteger();

    @Test
    void anAnswerGoesThroughOnlyWhileAnImageWaits() {
        assertThat(play.answer(this::reveal)).as("no session yet").isEmpty();

        play.started(image(0));
        assertThat(play.answer(this::reveal)).isPresent();
        assertThat(play.answer(this::reveal)).as("a repeated key press").isEmpty();

        assertThat(sent).hasValue(1);
        assertThat(play.phase()).isEqualTo(JudgePlay.Phase.REVEALED);
        assertThat(play.answered()).isEqualTo(1);
        assertThat(play.correct()).isEqualTo(1);
    }

    @Test
    void nextBringsTheFollowingImageOnlyAfterARevealAndNothingMoreEndsTheSession() {
        play.started(image(0));
        play.goOn(() -> Optional.of(image(1)));
        assertThat(play.image()).hasValueSatisfying(shown -> assertThat(shown.position()).isZero());

        play.answer(this::reveal);
        play.goOn(() -> Optional.of(image(1)));
        assertThat(play.phase()).isEqualTo(JudgePlay.Phase.SHOWING);
        assertThat(play.image()).hasValueSatisfying(shown -> assertThat(shown.position()).isOne());

        play.answer(this::reveal);
        play.goOn(Optional::empty);
        assertThat(play.phase()).isEqualTo(JudgePlay.Phase.FINISHED);
    }

    @Test
    void theLastRevealCarriesTheResultAndChoosingAgainClearsIt() {
        play.started(image(0));
        JudgeResult result = new JudgeResult(JudgeMode.UNTIMED, new DetectionRates(1, 0, 0, 0), OptionalDouble.empty(),
                true, 100);
        play.answer(() -> new Reveal(1, false, true, true, "mnist-cgan-v1", "MLP cGAN v1", 7, 0.2, 1, 900, true,
                Optional.of(result)));

        assertThat(play.phase()).isEqualTo(JudgePlay.Phase.FINISHED);
        assertThat(play.result()).contains(result);

        play.choose(DatasetId.FASHION_MNIST, JudgeMode.TIMED);
        assertThat(play.phase()).isEqualTo(JudgePlay.Phase.CHOOSING);
        assertThat(play.result()).isEmpty();
        assertThat(play.dataset()).isEqualTo(DatasetId.FASHION_MNIST);
    }

    private ShownImage image(int position) {
        return new ShownImage(1, 10 + position, position, 2, false, new float[784], OptionalInt.empty());
    }

    private Reveal reveal() {
        sent.incrementAndGet();
        return new Reveal(1, true, false, true, "real-test", "", 3, 0.8, 1, 1200, true, Optional.empty());
    }
}
