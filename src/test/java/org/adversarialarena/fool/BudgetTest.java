package org.adversarialarena.fool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.ml.image.ImagePixels;
import org.adversarialarena.ml.image.ImagePng;
import org.adversarialarena.ml.model.ClassifierId;
import org.junit.jupiter.api.Test;

/** The budget checks the server makes on every submission, against the original it holds. */
class BudgetTest {

    private final float[] original = digitLikeImage();

    @Test
    void anL0BudgetCountsChangedPixelsWhateverTheirChange() {
        Budget budget = Budget.pixels(3);
        float[] edited = original.clone();
        edited[0] = 1f;
        edited[1] = 0.5f;
        edited[400] = 0f;

        BudgetUse use = budget.use(original, edited);

        assertThat(use.change().l0()).isEqualTo(3);
        assertThat(use.withinBudget()).isTrue();
        assertThat(use.usedFraction()).isEqualTo(1f);

        edited[2] = 0.9f;
        BudgetUse over = budget.use(original, edited);
        assertThat(over.withinBudget()).isFalse();
        assertThat(over.overBudgetReason()).contains("4 pixels").contains("at most 3");
    }

    @Test
    void anLinfBudgetBoundsEveryPixelAndSpendingGrowsWithTheChange() {
        Budget budget = Budget.epsilon(0.3f);
        float[] faint = original.clone();
        float[] strong = original.clone();
        for (int i = 0; i < 100; i++) {
            faint[i] = original[i] + 0.1f;
            strong[i] = original[i] + 0.3f;
        }

        BudgetUse faintUse = budget.use(original, faint);
        BudgetUse strongUse = budget.use(original, strong);

        assertThat(faintUse.withinBudget()).isTrue();
        assertThat(strongUse.withinBudget()).isTrue();
        assertThat(faintUse.usedFraction()).isLessThan(strongUse.usedFraction());

        strong[500] = Math.min(1f, original[500] + 0.31f);
        BudgetUse over = budget.use(original, strong);
        assertThat(over.withinBudget()).isFalse();
        assertThat(over.overBudgetReason()).contains("0.310").contains("0.300");
    }

    @Test
    void roundingByTheBrowserIsNotAnEdit() {
        float[] rounded = new float[original.length];
        for (int i = 0; i < rounded.length; i++) {
            rounded[i] = Math.round(original[i] * 1000) / 1000f;
        }

        float[] stored = Budget.asStored(rounded);

        assertThat(Budget.pixels(1).use(original, stored).change().l0()).isZero();
        assertThat(stored).containsExactly(original);
    }

    @Test
    void whatIsJudgedIsWhatThePngStores() {
        float[] edited = original.clone();
        edited[3] = 0.3337f;
        edited[4] = 0.9999f;

        float[] stored = Budget.asStored(edited);

        assertThat(ImagePng.fromPng(ImagePng.toPng(stored))).containsExactly(stored);
        assertThat(Budget.asStored(stored)).containsExactly(stored);
    }

    @Test
    void theCanvasBoundsAreGreyLevelsTheServerAcceptsEvenAfterTheBrowsersRounding() {
        for (float epsilon : new float[] {0.3f, 0.1f}) {
            Budget budget = Budget.epsilon(epsilon);
            float[] upper = budget.upperBounds(original);
            float[] lower = budget.lowerBounds(original);
            for (float[] bound : new float[][] {upper, lower}) {
                float[] sent = new float[bound.length];
                for (int i = 0; i < sent.length; i++) {
                    sent[i] = Math.round(bound[i] * 1000) / 1000f;
                }
                float[] stored = Budget.asStored(sent);
                assertThat(stored).containsExactly(bound);
                assertThat(budget.use(original, stored).withinBudget()).as("ε = %s", epsilon).isTrue();
            }
        }
        float[] oneLevelFurther = Budget.epsilon(0.3f).upperBounds(original);
        int pixel = 0;
        oneLevelFurther[pixel] = Math.min(1f, oneLevelFurther[pixel] + 1 / 255f);
        assertThat(Budget.epsilon(0.3f).use(original, Budget.asStored(oneLevelFurther)).withinBudget()).isFalse();
    }

    @Test
    void boundsForTheCanvasStayInsideTheUnitInterval() {
        Budget budget = Budget.epsilon(0.3f);
        float[] lower = budget.lowerBounds(original);
        float[] upper = budget.upperBounds(original);
        for (int i = 0; i < original.length; i++) {
            assertThat(lower[i]).isBetween(0f, original[i]);
            assertThat(upper[i]).isBetween(original[i], 1f);
            assertThat(upper[i] - original[i]).isLessThanOrEqualTo(0.3f + 0.5f / 255 + 1e-6f);
        }
        assertThat(Budget.pixels(20).lowerBounds(original)).containsOnly(0f);
        assertThat(Budget.pixels(20).upperBounds(original)).containsOnly(1f);
        assertThat(Budget.pixels(20).maxChangedPixels()).isEqualTo(20);
        assertThat(budget.maxChangedPixels()).isEqualTo(ImagePixels.COUNT);
    }

    @Test
    void impossibleBudgetsAreRefused() {
        assertThatThrownBy(() -> Budget.pixels(0)).hasMessageContaining("L0");
        assertThatThrownBy(() -> new Budget(BudgetKind.L0, 2.5f)).hasMessageContaining("whole number");
        assertThatThrownBy(() -> Budget.epsilon(0f)).hasMessageContaining("(0, 1]");
        assertThatThrownBy(() -> Budget.epsilon(Float.NaN)).hasMessageContaining("(0, 1]");
    }

    @Test
    void levelsHaveTheLecturesBudgetsOnEachDataset() {
        assertThat(FoolLevel.FAINT_TOUCH.budget(DatasetId.MNIST)).isEqualTo(Budget.epsilon(0.3f));
        assertThat(FoolLevel.FAINT_TOUCH.budget(DatasetId.FASHION_MNIST)).isEqualTo(Budget.epsilon(0.1f));
        assertThat(FoolLevel.FEW_PIXELS.budget(DatasetId.MNIST).kind()).isEqualTo(BudgetKind.L0);
        assertThat(FoolLevel.TARGETED.targeted()).isTrue();
        assertThat(FoolLevel.BLINDFOLD.visibleModel(DatasetId.MNIST).name()).isEqualTo("mnist-lenet");
        assertThat(FoolLevel.BLINDFOLD.judgingModel(DatasetId.MNIST).name()).isEqualTo("mnist-mlp");
        assertThat(FoolLevel.FORTRESS.judgingModel(DatasetId.FASHION_MNIST).name()).isEqualTo("fashion-mnist-lenet-madry");
        // A new attempt faces the newest shipped version: the Fortress on MNIST is the robust LeNet v2.
        assertThat(FoolLevel.FORTRESS.judgingModel(DatasetId.MNIST)).isEqualTo(ClassifierId.parse("mnist-lenet-madry", 2));
        for (FoolLevel level : FoolLevel.values()) {
            assertThat(FoolLevel.fromSlug(level.slug())).isEqualTo(level);
        }
    }

    /** Values on the 8-bit grid, like the datasets. */
    static float[] digitLikeImage() {
        float[] image = new float[ImagePixels.COUNT];
        for (int i = 0; i < image.length; i++) {
            image[i] = ((i * 37) % 256) / 255f;
        }
        return image;
    }
}
