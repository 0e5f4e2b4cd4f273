package org.adversarialarena.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import org.adversarialarena.catalog.ModelCatalog;
import org.adversarialarena.jobs.PromotedGenerator;
import org.adversarialarena.jobs.PromotedGenerators;
import org.adversarialarena.judge.Fake;
import org.adversarialarena.judge.Generator;
import org.adversarialarena.judge.GeneratorSource;
import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.ml.gan.ConditionalGan;
import org.adversarialarena.ml.gan.LatentSteering;
import org.adversarialarena.ml.model.ClassifierArchitecture;
import org.adversarialarena.ml.model.ClassifierId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Lab runs that instructors promoted, as Judge's generators: each of the newest
 * {@code arena.lab.judge-generators} promoted runs of a dataset makes fakes beside the shipped GANs
 * and the crowd, in every Judge session (Judge is played outside workshops, so a promotion reaches
 * every player of the dataset; see docs/lab.md). A run's networks are loaded from its final checkpoint
 * on first use and kept.
 *
 * <p>No Fréchet distance is shown beside them: the Lab measures its FID on the dense classifier's
 * features with 500 samples, the shipped GANs' figure is on the LeNet's with 1,000, and the two scales
 * must not stand in one column.
 */
@Component
class PromotedRunsInJudge implements GeneratorSource {

    private final PromotedGenerators promoted;
    private final ModelCatalog catalog;
    private final int perDataset;
    private final Map<Long, ConditionalGan> loaded = new ConcurrentHashMap<>();

    PromotedRunsInJudge(PromotedGenerators promoted, ModelCatalog catalog,
            @Value("${arena.lab.judge-generators:3}") int perDataset) {
        this.promoted = promoted;
        this.catalog = catalog;
        this.perDataset = perDataset;
    }

    @Override
    public List<Generator> generators(DatasetId dataset) {
        return promoted.all().stream().filter(run -> run.dataset() == dataset).limit(perDataset)
                .<Generator>map(PromotedRun::new).toList();
    }

    private final class PromotedRun implements Generator {

        private final PromotedGenerator run;

        PromotedRun(PromotedGenerator run) {
            this.run = run;
        }

        @Override
        public String id() {
            return Generator.labRunId(run.dataset(), run.runId());
        }

        /** What a page shows when it has no words of its own for it, e.g. "Lab run 42 (MLP)". */
        @Override
        public String name() {
            return "Lab run " + run.runId() + " (" + run.architecture() + ")";
        }

        @Override
        public DatasetId dataset() {
            return run.dataset();
        }

        /**
         * A conditional run's image is its seed's latent at a random class; an unconditional one is
         * always asked for class 0 (as it trained) and its class is what the dataset's shipped dense
         * classifier reads in the image, so the detective judges it at that class.
         */
        @Override
        public List<Fake> draw(int count, Random random) {
            ConditionalGan gan = loaded.computeIfAbsent(run.runId(), promoted::load);
            List<Fake> fakes = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                long seed = random.nextLong();
                int asked = run.conditional() ? random.nextInt(run.dataset().classCount()) : 0;
                float[] pixels = LatentSteering.sample(gan, asked, gan.latent(seed));
                int classIndex = run.conditional() ? asked : classRead(pixels);
                fakes.add(new Fake(id(), classIndex, "seed:" + seed, pixels));
            }
            return fakes;
        }

        private int classRead(float[] pixels) {
            float[] probabilities = catalog.classifier(new ClassifierId(run.dataset(), ClassifierArchitecture.MLP, 1))
                    .probabilities(pixels);
            int best = 0;
            for (int c = 1; c < probabilities.length; c++) {
                if (probabilities[c] > probabilities[best]) {
                    best = c;
                }
            }
            return best;
        }

        @Override
        public OptionalDouble frechetDistance() {
            return OptionalDouble.empty();
        }
    }
}
