package org.adversarialarena.ml.fastpath;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.adversarialarena.ml.model.ClassifierId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The shipped LeNets answer as plain DL4J answered when their {@link GoldenOutputs} were recorded:
 * with the fast path on, its replacements compute what DL4J computes; with it off
 * ({@code -Darena.ml.fast-path=false}, as the build's plain-DL4J test run does), DL4J itself has not
 * changed. To record them again (after a DL4J upgrade, or new shipped weights), in a JVM of its own:
 * <pre>
 * OMP_NUM_THREADS=1 ./mvnw -q -B test-compile org.codehaus.mojo:exec-maven-plugin:3.5.1:exec \
 *   -Dexec.executable=java -Dexec.classpathScope=test \
 *   -Dexec.args="-Darena.ml.fast-path=false --enable-native-access=ALL-UNNAMED -cp %classpath \
 *   org.adversarialarena.ml.fastpath.GoldenOutputsRecorder src/test/resources/golden"
 * </pre>
 */
class GoldenOutputsTest {

    static final List<ClassifierId> MODELS = List.of(ClassifierId.parse("mnist-lenet", 1),
            ClassifierId.parse("fashion-mnist-lenet", 1));

    /**
     * Largest difference in an image's logits or input gradient, relative to that row's largest
     * magnitude. Measured on an AMD EPYC (AVX-512) with OMP_NUM_THREADS=1, 2 × 20 images: with the fast
     * path on, at most 3.6e-7 for logits and 3.7e-6 for gradients (float rounding: oneDNN sums the
     * convolutions and products in another order than DL4J's im2col and OpenBLAS, and the backward
     * pass amplifies it); so 2e-5. With it off, exactly 0 against a recording made on that machine;
     * 5e-6 leaves room for the BLAS kernels of another CPU, whose sums are ordered differently again.
     */
    private static final double TOLERANCE_ON = 2e-5;
    private static final double TOLERANCE_OFF = 5e-6;

    /**
     * Images whose gradient may differ more, in a patch: where two values of a max-pooling window (or
     * a ReLU's input and zero) are closer than the rounding, the two paths may route the gradient
     * through different units. Seen once in 40 images (Fashion-MNIST test image 19, fast path on):
     * 27 pixels — about one 5×5 receptive field of the first convolution — off, 1.5e-3 of the
     * gradient's norm; the logits agreed to 3e-7. So up to 2 images per model, within 1e-2 of the norm.
     */
    private static final int MAX_TIE_FLIPS = 2;
    private static final double TIE_FLIP_NORM_TOLERANCE = 1e-2;

    @ParameterizedTest
    @FieldSource("MODELS")
    void theShippedLeNetAnswersAsPlainDl4jDid(ClassifierId id) {
        GoldenOutputs golden = GoldenOutputs.recorded(id);
        GoldenOutputs now = GoldenOutputs.compute(id);
        double tolerance = FastPath.isOn() ? TOLERANCE_ON : TOLERANCE_OFF;

        assertThat(now.imagesChecksum()).as("the test images changed: record the golden outputs again")
                .isEqualTo(golden.imagesChecksum());
        assertThat(now.labels()).isEqualTo(golden.labels());
        List<Integer> tieFlips = new ArrayList<>();
        for (int i = 0; i < golden.labels().length; i++) {
            assertThat(largestRelativeDifference(now.logits()[i], golden.logits()[i])).as("logits of image %d", i)
                    .isLessThan(tolerance);
            if (largestRelativeDifference(now.gradients()[i], golden.gradients()[i]) >= tolerance) {
                tieFlips.add(i);
                assertThat(normRelativeDifference(now.gradients()[i], golden.gradients()[i]))
                        .as("input gradient of image %d", i).isLessThan(TIE_FLIP_NORM_TOLERANCE);
            }
        }
        assertThat(tieFlips).as("images whose gradient differs in a patch").hasSizeLessThanOrEqualTo(MAX_TIE_FLIPS);
    }

    private static double largestRelativeDifference(float[] now, float[] golden) {
        double largest = 0;
        double difference = 0;
        for (int j = 0; j < golden.length; j++) {
            largest = Math.max(largest, Math.abs(golden[j]));
            difference = Math.max(difference, Math.abs(now[j] - golden[j]));
        }
        return difference / Math.max(largest, Float.MIN_NORMAL);
    }

    private static double normRelativeDifference(float[] now, float[] golden) {
        double difference = 0;
        double norm = 0;
        for (int j = 0; j < golden.length; j++) {
            difference += Math.pow(now[j] - golden[j], 2);
            norm += Math.pow(golden[j], 2);
        }
        return Math.sqrt(difference / Math.max(norm, Float.MIN_NORMAL));
    }
}
