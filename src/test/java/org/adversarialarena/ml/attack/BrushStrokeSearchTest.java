package org.adversarialarena.ml.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.adversarialarena.ml.attack.BrushStrokeSearch.BrushStyle;
import org.adversarialarena.ml.attack.BrushStrokeSearch.Stroke;
import org.adversarialarena.ml.image.ImagePixels;
import org.junit.jupiter.api.Test;

/** The simulated player's brush draws as the game's canvas does, stays in budget, and fools the LeNet by hand-style edits. */
class BrushStrokeSearchTest {

    private static final AttackFixtures.Victims VICTIMS = AttackFixtures.victims(AttackFixtures.LENET, 12);
    private static final BrushStyle LINES = new BrushStyle(1.5f, 1.0f, 0.3f, 2, 6, 2.5f, 0.7f, 8);

    @Test
    void aStrokeInksAlongItsPathWithinTheBudgetAndLeavesTheRestAlone() {
        float[] blank = ImagePixels.blank();
        Stroke line = new Stroke(new float[] {4f, 20f}, new float[] {14f, 14f}, 1f, 1f, false);

        float[] drawn = BrushStrokeSearch.draw(blank, List.of(line), 0.3f);

        assertThat(drawn[14 * 28 + 12]).isCloseTo(0.3f, org.assertj.core.data.Offset.offset(1e-6f));
        assertThat(drawn[2 * 28 + 2]).isZero();
        for (int i = 0; i < drawn.length; i++) {
            assertThat(drawn[i]).isBetween(0f, 0.3f);
        }
    }

    @Test
    void theEraserLightensInkOnlyAsFarAsTheBudgetAllows() {
        float[] ink = new float[ImagePixels.COUNT];
        java.util.Arrays.fill(ink, 1f);
        Stroke erase = new Stroke(new float[] {14f}, new float[] {14f}, 2f, 1f, true);

        float[] drawn = BrushStrokeSearch.draw(ink, List.of(erase), 0.3f);

        assertThat(drawn[14 * 28 + 14]).isCloseTo(0.7f, org.assertj.core.data.Offset.offset(1e-6f));
        assertThat(drawn[0]).isEqualTo(1f);
    }

    @Test
    void foolsTheLeNetWithLocalEditsInsideTheBudget() {
        BrushStrokeSearch player = new BrushStrokeSearch(0.3f, LINES, 200, 3);

        List<AttackResult> results = player.attack(AttackFixtures.LENET, VICTIMS.images(), VICTIMS.untargeted());

        assertThat(results.stream().filter(AttackResult::success).count()).isGreaterThanOrEqualTo(3);
        for (int i = 0; i < results.size(); i++) {
            float[] original = VICTIMS.images()[i];
            float[] edited = results.get(i).adversarial();
            int changed = 0;
            for (int p = 0; p < edited.length; p++) {
                assertThat(Math.abs(edited[p] - original[p])).isLessThanOrEqualTo(0.3f + 1e-6f);
                assertThat(edited[p]).isBetween(0f, 1f);
                changed += Math.abs(edited[p] - original[p]) > 1e-6f ? 1 : 0;
            }
            assertThat(changed).as("strokes change part of the image, not all of it like FGSM").isLessThan(ImagePixels.COUNT / 2);
        }
    }

    @Test
    void theSameSeedDrawsTheSameEdits() {
        BrushStrokeSearch player = new BrushStrokeSearch(0.3f, LINES, 30, 7);
        float[][] two = {VICTIMS.images()[0], VICTIMS.images()[1]};
        List<AttackGoal> goals = VICTIMS.untargeted().subList(0, 2);

        assertThat(player.attack(AttackFixtures.LENET, two, goals).get(1).adversarial())
                .containsExactly(player.attack(AttackFixtures.LENET, two, goals).get(1).adversarial());
    }

    @Test
    void aStyleOutsideTheCanvasRangeIsRefused() {
        assertThatThrownBy(() -> new BrushStyle(6f, 1f, 0f, 1, 2, 1f, 0.5f, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BrushStyle(1f, 1f, 0f, 3, 2, 1f, 0.5f, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BrushStrokeSearch(0f, LINES, 10, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
