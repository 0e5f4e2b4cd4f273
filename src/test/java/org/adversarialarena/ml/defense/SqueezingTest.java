package org.adversarialarena.ml.defense;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.adversarialarena.ml.attack.AttackFixtures;
import org.adversarialarena.ml.attack.AttackResult;
import org.adversarialarena.ml.attack.GradientAttack;
import org.adversarialarena.ml.attack.Norm;
import org.adversarialarena.ml.serve.LogitObjectives;
import org.junit.jupiter.api.Test;

/** Input squeezing: what the squeezers do, that the squeezed LeNet still classifies, and that BPDA breaks it. */
class SqueezingTest {

    private static final AttackFixtures.Victims VICTIMS = AttackFixtures.victims(AttackFixtures.LENET, 20);

    @Test
    void bitDepthRoundsEveryPixelToOneOfItsLevels() {
        float[] image = new float[784];
        image[0] = 0.3f;
        image[1] = 0.6f;
        image[2] = 0.49f;
        image[3] = 0.2f;

        float[] oneBit = Squeezer.bitDepth(1).squeeze(image);
        float[] twoBit = Squeezer.bitDepth(2).squeeze(image);

        assertThat(oneBit[0]).isZero();
        assertThat(oneBit[1]).isEqualTo(1f);
        assertThat(twoBit[2]).isEqualTo(1f / 3);
        assertThat(twoBit[3]).isEqualTo(1f / 3);
        assertThat(image[1]).isEqualTo(0.6f);
    }

    @Test
    void aMedianFilterRemovesIsolatedSpecksAndKeepsFlatAreas() {
        float[] image = new float[784];
        image[14 * 28 + 14] = 1f;
        for (int c = 0; c < 28; c++) {
            for (int r = 20; r < 28; r++) {
                image[r * 28 + c] = 0.8f;
            }
        }

        float[] filtered = Squeezer.median(3).squeeze(image);

        assertThat(filtered[14 * 28 + 14]).isZero();
        assertThat(filtered[24 * 28 + 10]).isEqualTo(0.8f);
        assertThat(Squeezer.bitDepth(1).then(Squeezer.median(3)).name()).isEqualTo("1-bit + median 3×3");
    }

    @Test
    void badSettingsAndImagesFailClearly() {
        assertThatThrownBy(() -> Squeezer.bitDepth(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Squeezer.median(2)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("odd");
        assertThatThrownBy(() -> Squeezer.median(3).squeeze(new float[5])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theBpdaGradientIsTheClassifiersGradientAtTheSqueezedImage() {
        SqueezedClassifier squeezed = new SqueezedClassifier(AttackFixtures.LENET, Squeezer.bitDepth(1));
        float[] image = VICTIMS.images()[0];
        int[] label = {VICTIMS.labels()[0]};

        float[] bpda = squeezed.gradients(new float[][] {image}, LogitObjectives.crossEntropy(label)).inputGradients()[0];
        float[] atSqueezed = AttackFixtures.LENET.gradients(new float[][] {Squeezer.bitDepth(1).squeeze(image)},
                LogitObjectives.crossEntropy(label)).inputGradients()[0];

        assertThat(bpda).containsExactly(atSqueezed);
    }

    @Test
    void theMedianFilteredLeNetStillClassifiesButFallsToTheAdaptiveBpdaAttack() {
        SqueezedClassifier squeezed = new SqueezedClassifier(AttackFixtures.LENET, Squeezer.median(3));
        int correct = 0;
        int[] predicted = squeezed.predictions(VICTIMS.images());
        for (int i = 0; i < predicted.length; i++) {
            correct += predicted[i] == VICTIMS.labels()[i] ? 1 : 0;
        }
        assertThat(correct).isGreaterThanOrEqualTo(18);

        List<AttackResult> adaptive = GradientAttack.pgd(Norm.LINF, 0.3f, 40).withRestarts(3)
                .attack(squeezed, VICTIMS.images(), VICTIMS.untargeted());

        long fooled = adaptive.stream().filter(AttackResult::success).count();
        assertThat(fooled).isGreaterThanOrEqualTo(14);
        for (AttackResult result : adaptive) {
            assertThat(result.perturbation().linf()).isLessThanOrEqualTo(0.3f + 1e-4f);
        }
    }
}
