package org.adversarialarena.ml.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.adversarialarena.ml.fastpath.FastPath;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;

/**
 * Every network made through {@link Networks} is tuned when the fast path is on, and left as DL4J
 * makes it when it is off (the build runs this class both ways).
 */
class NetworksTest {

    @Test
    void createdLoadedAndCopiedNetworksAreTunedExactlyWhenTheFastPathIsOn() throws IOException {
        MultiLayerNetwork created = Networks.create(LeNet.configuration(1, 1e-3));
        MultiLayerNetwork loaded = Networks.load(saved(created), false);
        MultiLayerNetwork copied = Networks.copy(created);

        for (MultiLayerNetwork network : new MultiLayerNetwork[] {created, loaded, copied}) {
            assertThat(FastPath.isTuned(network)).isEqualTo(FastPath.isOn());
            assertThat(network.getLayerWiseConfigurations().getCacheMode())
                    .isEqualTo(FastPath.isOn() ? CacheMode.DEVICE : CacheMode.NONE);
        }
        assertThat(FastPath.isTuned(created.clone())).isFalse();
    }

    @Test
    void aCopyKeepsTheOriginalsChoiceOfForwardCache() throws IOException {
        MultiLayerNetwork generatorLike = Networks.createWithoutForwardCache(LeNet.configuration(2, 1e-3));
        MultiLayerNetwork loaded = Networks.loadWithoutForwardCache(saved(generatorLike), true);

        assertThat(Networks.copy(generatorLike).getLayerWiseConfigurations().getCacheMode()).isEqualTo(CacheMode.NONE);
        assertThat(loaded.getLayerWiseConfigurations().getCacheMode()).isEqualTo(CacheMode.NONE);
        assertThat(FastPath.isTuned(loaded)).isEqualTo(FastPath.isOn());
    }

    @Test
    void anEditBeforeTuningReachesTheLayersThatRun() {
        MultiLayerNetwork original = Networks.create(LeNet.configuration(3, 1e-3));
        MultiLayerNetwork edited = Networks.copy(original,
                copy -> copy.getLayers()[4].conf().getLayer().setIDropout(null));

        assertThat(((BaseLayer) edited.getLayer(4).conf().getLayer()).getIDropout()).isNull();
        assertThat(((BaseLayer) original.getLayer(4).conf().getLayer()).getIDropout()).isNotNull();
    }

    private static ByteArrayInputStream saved(MultiLayerNetwork network) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelSerializer.writeModel(network, bytes, true);
        return new ByteArrayInputStream(bytes.toByteArray());
    }
}
