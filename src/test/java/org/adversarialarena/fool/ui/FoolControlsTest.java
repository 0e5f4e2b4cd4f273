package org.adversarialarena.fool.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.adversarialarena.fool.FoolLevel;
import org.junit.jupiter.api.Test;

/** What the Fool page's buttons may do, decided in one place. */
class FoolControlsTest {

    @Test
    void whileARoundIsOpenThePlayerMaySubmitResetAndGiveUp() {
        FoolControls controls = FoolControls.of(true, FoolLevel.FAINT_TOUCH, 0, true);

        assertThat(controls.play()).isTrue();
        assertThat(controls.hint()).as("the plain LeNet's gradients are open").isTrue();
        assertThat(controls.askHidden()).as("nothing is hidden on Faint touch").isFalse();
        assertThat(controls.next()).isTrue();
    }

    @Test
    void afterTheRoundClosesNothingButTheNextImageIsOffered() {
        FoolControls controls = FoolControls.of(false, FoolLevel.FEW_PIXELS, 0, true);

        assertThat(controls).isEqualTo(new FoolControls(false, false, false, 0, true));
    }

    @Test
    void theHiddenModelCanBeAskedOnlyOnBlindfoldAndOnlyWhileAnswersAreLeft() {
        assertThat(FoolControls.of(true, FoolLevel.BLINDFOLD, 2, true).askHidden()).isTrue();
        assertThat(FoolControls.of(true, FoolLevel.BLINDFOLD, 0, true).askHidden()).isFalse();
        assertThat(FoolControls.of(true, FoolLevel.BLINDFOLD, 2, true).hint()).as("the hidden model gives no hints")
                .isFalse();
        assertThat(FoolControls.of(true, FoolLevel.SENTINEL, 2, true).hint()).isFalse();
    }

    @Test
    void anUnplayableLevelOffersNoNextImage() {
        assertThat(FoolControls.of(false, FoolLevel.FORTRESS, 0, false).next()).isFalse();
    }
}
