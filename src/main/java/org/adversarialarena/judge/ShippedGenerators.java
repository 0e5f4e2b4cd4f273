package org.adversarialarena.judge;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import org.adversarialarena.catalog.CatalogProperties;
import org.adversarialarena.catalog.ModelCatalog;
import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.ml.gan.ConditionalGan;
import org.adversarialarena.ml.gan.GanFiles;
import org.adversarialarena.ml.gan.LatentSteering;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The conditional GANs shipped with the app, every version of each dataset's: v1 (an MLP), v2 (a
 * DCGAN) and v3 (the MLP pair Forge plays with, trained to start at equilibrium). The version the games
 * use is shared with the catalog; the others are loaded on first use.
 * Their Fréchet distance was measured once, when they were trained (metrics.json, 1,000 samples
 * against the test split, on the shipped LeNet's penultimate features).
 */
@Component
class ShippedGenerators implements GeneratorSource {

    static final List<Integer> VERSIONS = List.of(1, 2, 3);

    private final ModelCatalog models;
    private final CatalogProperties catalog;
    private final Map<String, ConditionalGan> others = new ConcurrentHashMap<>();
    private final Map<DatasetId, List<Generator>> generators = new ConcurrentHashMap<>();

    ShippedGenerators(ModelCatalog models, CatalogProperties catalog) {
        this.models = models;
        this.catalog = catalog;
    }

    @Override
    public List<Generator> generators(DatasetId dataset) {
        return generators.computeIfAbsent(dataset, key -> {
            List<Generator> shipped = new ArrayList<>();
            for (int version : VERSIONS) {
                shipped.add(new ShippedGan(key, version, GanFiles.shippedMetrics(key, version)));
            }
            return List.copyOf(shipped);
        });
    }

    private ConditionalGan gan(DatasetId dataset, int version) {
        if (version == catalog.ganVersion()) {
            return models.gan(dataset);
        }
        return others.computeIfAbsent(dataset.slug() + "-v" + version, key -> GanFiles.loadShipped(dataset, version));
    }

    private final class ShippedGan implements Generator {

        private final DatasetId dataset;
        private final int version;
        private final String name;
        private final OptionalDouble frechetDistance;

        ShippedGan(DatasetId dataset, int version, JsonNode metrics) {
            this.dataset = dataset;
            this.version = version;
            String architecture = metrics.path("architecture").asString("GAN");
            this.name = ("MLP".equals(architecture) ? "MLP cGAN" : architecture) + " v" + version;
            JsonNode fid = metrics.get("frechetDistance");
            this.frechetDistance = fid == null || !fid.isNumber() ? OptionalDouble.empty() : OptionalDouble.of(fid.asDouble());
        }

        @Override
        public String id() {
            return dataset.slug() + "-cgan-v" + version;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public DatasetId dataset() {
            return dataset;
        }

        /** Each image is its seed's latent at a random class, so {@code seed:<n>} and the class make it again. */
        @Override
        public List<Fake> draw(int count, Random random) {
            ConditionalGan gan = gan(dataset, version);
            List<Fake> fakes = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                long seed = random.nextLong();
                int classIndex = random.nextInt(dataset.classCount());
                float[] pixels = LatentSteering.sample(gan, classIndex, gan.latent(seed));
                fakes.add(new Fake(id(), classIndex, "seed:" + seed, pixels));
            }
            return fakes;
        }

        @Override
        public OptionalDouble frechetDistance() {
            return frechetDistance;
        }
    }
}
