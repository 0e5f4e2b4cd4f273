package org.adversarialarena.judge.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.TextField;
import org.adversarialarena.judge.JudgeMode;
import org.adversarialarena.player.ui.BrowserStorage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The Judge page without a browser, against the real service, generators, detective and embedded
 * PostgreSQL. The test reads each image's truth from the database, as only the server can.
 */
@SpringBootTest(properties = {"arena.judge.min-per-kind=2", "arena.forge.train-every=100000"})
class JudgeViewIT extends SpringBrowserlessTest {

    @Autowired
    JdbcTemplate jdbc;

    private JudgeView view;

    @BeforeEach
    void openJudge() {
        view = navigate(JudgeView.class);
    }

    @Test
    void aJudgeWhoAnswersEveryImageByKeyboardRightlySeesEachTruthAndTheirResultAndTheRanking() {
        view.perKind.setValue(2);
        startAs("view-judge");
        assertThat(view.real.isEnabled()).isTrue();
        assertThat(view.next.isVisible()).isFalse();
        assertThat(view.progress.getText()).startsWith("Warm-up: image 1 of 8");

        int answered = 0;
        while (view.play.phase() != JudgePlay.Phase.FINISHED) {
            boolean real = isReal(view.play.image().orElseThrow().itemId());
            fireShortcut(real ? Key.KEY_R : Key.KEY_F);
            answered++;
            assertThat(view.reveal.getText()).startsWith("Right:").contains("The detective said");
            if (view.play.phase() == JudgePlay.Phase.REVEALED) {
                assertThat(view.real.isEnabled()).as("one answer per image").isFalse();
                fireShortcut(Key.KEY_N);
            }
        }

        assertThat(answered).isEqualTo(8);
        assertThat(view.result.getText()).contains("Accuracy 100 %").contains("100 points");
        assertThat(view.ranking.generators.getElement().getTextRecursively()).contains("MLP cGAN v1").contains("DCGAN v2");
        assertThat(view.ranking.classes.getElement().getTextRecursively()).contains("fooled");
        assertThat(view.leaderboard.getElement().getTextRecursively()).contains("view-judge");
    }

    @Test
    void aWrongAnswerIsRevealedAndClickedAnswersWorkToo() {
        view.perKind.setValue(2);
        startAs("view-wrong");
        boolean real = isReal(view.play.image().orElseThrow().itemId());

        test(real ? view.fake : view.real).click();

        assertThat(view.reveal.getText()).startsWith("Wrong:").contains("Not counted");
        test(view.next).click();
        assertThat(view.progress.getText()).startsWith("Warm-up: image 2 of 8 · 0 of 1 right");
    }

    @Test
    void timedModeShowsTheExposureTheServerChose() {
        test(view.mode).selectItem("Timed (after HYPE-time)");
        view.perKind.setValue(2);

        startAs("view-timed");

        assertThat(view.play.mode()).isEqualTo(JudgeMode.TIMED);
        assertThat(view.progress.getText()).contains("shown for 500 ms");
        assertThat(view.leaderboard.getElement().getTextRecursively()).contains("timed");
    }

    @Test
    void aSizeOutOfBoundsIsRefusedWithAMessage() {
        view.perKind.setValue(500);

        startAs("view-greedy");

        assertThat(view.message.isVisible()).isTrue();
        assertThat(view.message.getText()).isEqualTo("Choose from 2 to 50 images of each kind.");
        assertThat(view.play.phase()).isEqualTo(JudgePlay.Phase.CHOOSING);
        assertThat(view.real.isEnabled()).isFalse();
    }

    /** Clicks Start as a visitor with no resume token in the browser, who then joins with {@code nickname}. */
    private void startAs(String nickname) {
        test(view.start).click();
        BrowserStorage.answerEmpty();
        test($(TextField.class).id("nickname-field")).setValue(nickname);
        test($(Button.class).id("nickname-join")).click();
    }

    private boolean isReal(long itemId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select real from judge_item where id = ?", Boolean.class, itemId));
    }
}
