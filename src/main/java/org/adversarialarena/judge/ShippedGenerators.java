package org.adversarialarena.judge;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import org.adversarialarena.catalog.ModelCatalog;
import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.ml.gan.ConditionalGan;
import org.adversarialarena.ml.gan.GanFiles;
import org.adversarialarena.ml.gan.LatentSteering;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The conditional GANs shipped with the app, every version of each dataset's: v1 (an MLP), v2 (a
 * DCGAN), v3 (MLP pairs trained to start Forge at equilibrium) and Fashion-MNIST's v4 (the same, with
 * four D steps per G step). The newest, which Forge plays with, is shared with the catalog; the others
 * are loaded on first use.
 * Their Fréchet distance was measured once, when they were trained (metrics.json, 1,000 samples
 * against the test split, on the shipped LeNet's penultimate features).
 */
@Component
class ShippedGenerators implements GeneratorSource {

    private final ModelCatalog models;
    private final Map<String, ConditionalGan> others = new ConcurrentHashMap<>();
    private final Map<DatasetId, List<Generator>> generators = new ConcurrentHashMap<>();

    ShippedGenerators(ModelCatalog models) {
        this.models = models;
    }

    @Override
    public List<Generator> generators(DatasetId dataset) {
        return generators.computeIfAbsent(dataset, key -> {
            List<Generator> shipped = new ArrayList<>();
            for (int version = 1; version <= models.ganVersion(key); version++) {
                shipped.add(new ShippedGan(key, version, GanFiles.shippedMetrics(key, version)));
            }
            return List.copyOf(shipped);
        });
    }

    private ConditionalGan gan(DatasetId dataset, int version) {
        if (version == models.ganVersion(dataset)) {
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
