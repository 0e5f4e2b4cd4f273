package org.adversarialarena.competition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AttackFileTest {

    private static float[][] images(int count, float value) {
        float[][] images = new float[count][];
        for (int i = 0; i < count; i++) {
            images[i] = Fixtures.filled(value);
        }
        return images;
    }

    @Test
    void readsFloat32AndFloat64NpyInEveryAcceptedShape() {
        float[][] images = images(2, 0.25f);
        images[1][783] = 1f;
        for (String shape : new String[] {"2, 28, 28", "2, 784", "2, 1, 28, 28"}) {
            assertThat(AttackFile.read(Fixtures.npy("<f4", shape, images), 2)).isDeepEqualTo(images);
            assertThat(AttackFile.read(Fixtures.npy("<f8", shape, images), 2)).isDeepEqualTo(images);
        }
    }

    @Test
    void writesTheChallengeSetAsNpyThatReadsBackExactly() {
        float[][] images = images(3, 0.1f);
        images[2][5] = 0.123456789f;
        assertThat(AttackFile.read(AttackFile.npy(images), 3)).isDeepEqualTo(images);
        assertThat(AttackFile.fromRaw(AttackFile.raw(images))).isDeepEqualTo(images);
    }

    @Test
    void readsUnsignedByteIdxAsLevelsOver255() {
        int[][] levels = new int[2][784];
        levels[0][0] = 255;
        levels[1][1] = 51;
        float[][] read = AttackFile.read(Fixtures.idx(levels), 2);
        assertThat(read[0][0]).isEqualTo(1f);
        assertThat(read[1][1]).isEqualTo(0.2f);
    }

    @Test
    void refusesWrongShapesCountsTypesAndGarbage() {
        float[][] two = images(2, 0.5f);
        assertRefused(Fixtures.npy("<f4", "2, 28, 28", two), 3, "competition.refused.shape");
        assertRefused(Fixtures.npy("<f4", "2, 27, 29", images(2, 0.5f)), 2, "competition.refused.shape");
        assertRefused(Fixtures.npy("<i8", "2, 784", two), 2, "competition.refused.dtype");
        byte[] truncated = Fixtures.npy(two);
        assertRefused(java.util.Arrays.copyOf(truncated, truncated.length - 4), 2, "competition.refused.shape");
        assertRefused("not numpy at all".getBytes(), 2, "competition.refused.format");
        assertRefused(new byte[0], 2, "competition.refused.format");
    }

    @Test
    void refusesNaNInfinityAndValuesOutsideTheUnitRangeNamingTheImage() {
        float[][] images = images(3, 0.5f);
        images[2][10] = Float.NaN;
        assertThatThrownBy(() -> AttackFile.read(Fixtures.npy(images), 3))
                .isInstanceOfSatisfying(CompetitionRefusedException.class, e -> {
                    assertThat(e.key()).isEqualTo("competition.refused.nan");
                    assertThat(e.arguments()).containsExactly(2);
                });
        images[2][10] = Float.POSITIVE_INFINITY;
        assertRefused(Fixtures.npy(images), 3, "competition.refused.nan");
        images[2][10] = 1.01f;
        assertRefused(Fixtures.npy(images), 3, "competition.refused.range");
        images[2][10] = -0.001f;
        assertRefused(Fixtures.npy(images), 3, "competition.refused.range");
    }

    private static void assertRefused(byte[] file, int expected, String key) {
        Refusals.assertRefused(() -> AttackFile.read(file, expected), key);
    }
}
