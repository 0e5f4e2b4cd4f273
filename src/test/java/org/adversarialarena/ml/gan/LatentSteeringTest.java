package org.adversarialarena.ml.gan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Sliders move a latent along fixed directions; interpolation runs from one latent to the other. */
class LatentSteeringTest {

    private final LatentSteering steering = new LatentSteering(64, 3);

    @Test
    void zeroAmountsLeaveTheLatentAndEachSliderMovesItByItsAmount() {
        float[] base = steering.shuffle(new Random(1));

        assertThat(steering.steer(base, new double[5])).isEqualTo(base);
        float[] moved = steering.steer(base, new double[] {2, 0, 0, 0, 0});
        double distance = 0;
        for (int i = 0; i < base.length; i++) {
            distance += (moved[i] - base[i]) * (moved[i] - base[i]);
        }
        assertThat(Math.sqrt(distance)).isCloseTo(2, within(1e-4));
        assertThat(steering.steer(base, new double[] {99, 0, 0, 0, 0})).isEqualTo(steering.steer(base, new double[] {3, 0, 0, 0, 0}));
        assertThat(new LatentSteering(64, 3).steer(base, new double[] {0, 1, 0, 0, 0}))
                .isEqualTo(steering.steer(base, new double[] {0, 1, 0, 0, 0}));
    }

    @Test
    void interpolationStartsAndEndsAtItsLatents() {
        float[] a = steering.shuffle(new Random(1));
        float[] b = steering.shuffle(new Random(2));

        float[] start = steering.interpolate(a, b, 0);
        float[] end = steering.interpolate(a, b, 1);
        for (int i = 0; i < a.length; i++) {
            assertThat(start[i]).isCloseTo(a[i], within(1e-5f));
            assertThat(end[i]).isCloseTo(b[i], within(1e-5f));
        }
        assertThatThrownBy(() -> steering.interpolate(a, b, 1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> steering.steer(new float[3], new double[5])).isInstanceOf(IllegalArgumentException.class);
    }
}
