package org.adversarialarena.ml.detective;

import static org.assertj.core.api.Assertions.assertThat;

import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.ml.data.Datasets;
import org.adversarialarena.ml.gan.ConditionalGan;
import org.adversarialarena.ml.gan.GanFiles;
import org.junit.jupiter.api.Test;

/** The health check's yardstick: the share of held-out real images a discriminator judges real. */
class HeldOutImagesTest {

    private final ConditionalGan gan = GanFiles.loadShipped(DatasetId.MNIST, 3);
    private final HeldOutImages heldOut = new HeldOutImages(Datasets.load(DatasetId.MNIST).test(), 128);

    @Test
    void theShippedDiscriminatorJudgesMostRealImagesReal() {
        assertThat(heldOut.realAccuracy(gan)).isGreaterThan(0.5).isLessThanOrEqualTo(1);
    }

    @Test
    void aDiscriminatorThatCallsEverythingFakeScoresZero() {
        ConditionalGan collapsed = new ConditionalGan(gan.dataset(), gan.loss(), gan.generator(), gan.discriminator().clone());
        collapsed.discriminator().getOutputLayer().getParam("b").assign(-50);

        assertThat(heldOut.realAccuracy(collapsed)).isZero();
    }
}
