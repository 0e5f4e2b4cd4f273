package org.adversarialarena.jobs;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.adversarialarena.catalog.ModelCatalog;
import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.ml.data.DatasetSplit;
import org.adversarialarena.ml.gan.GanMeters;
import org.adversarialarena.ml.model.ClassifierArchitecture;
import org.adversarialarena.ml.model.ClassifierId;
import org.adversarialarena.ml.serve.ClassifierPool;
import org.springframework.stereotype.Component;

/**
 * The meters a GAN run is watched by (samples, class coverage, classifier FID), judged by the shipped
 * MLP classifier of the run's dataset: the dense one, so that the meters cost the training little.
 * The real images' features and the real-vs-real baseline are computed once per dataset.
 */
@Component
class GanWatch {

    /** Samples on each side of the Fréchet distance. */
    static final int DISTANCE_SAMPLES = 500;
    /** Samples the coverage histogram counts. */
    static final int COVERAGE_SAMPLES = 100;

    private final ModelCatalog catalog;
    private final Map<DatasetId, GanMeters.Reference> references = new ConcurrentHashMap<>();

    GanWatch(ModelCatalog catalog) {
        this.catalog = catalog;
    }

    GanMeters meters(GanRunSettings settings) {
        DatasetId dataset = settings.dataset();
        ClassifierPool judge = catalog.classifier(new ClassifierId(dataset, ClassifierArchitecture.MLP, 1));
        GanMeters.Reference reference = references.computeIfAbsent(dataset, key -> {
            DatasetSplit split = catalog.dataset(key);
            return GanMeters.reference(judge, split.test(), split.train(), DISTANCE_SAMPLES);
        });
        return new GanMeters(judge, reference, dataset.classCount(), settings.latentSize(), settings.conditional(),
                COVERAGE_SAMPLES);
    }
}
