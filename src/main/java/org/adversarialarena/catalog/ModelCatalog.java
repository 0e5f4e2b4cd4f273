package org.adversarialarena.catalog;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.ml.data.DatasetSplit;
import org.adversarialarena.ml.data.Datasets;
import org.adversarialarena.ml.gan.ConditionalGan;
import org.adversarialarena.ml.gan.GanFiles;
import org.adversarialarena.ml.model.ClassifierFiles;
import org.adversarialarena.ml.model.ClassifierId;
import org.adversarialarena.ml.serve.ClassifierPool;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The shipped networks and datasets as the games use them: each loaded once, on first use, and shared
 * by every player. Classifiers are served through a {@link ClassifierPool} because DL4J networks are
 * not thread-safe; a GAN is returned as loaded, so whoever uses it concurrently must guard it.
 */
@Component
@EnableConfigurationProperties(CatalogProperties.class)
public class ModelCatalog {

    private final CatalogProperties properties;
    private final Map<ClassifierId, ClassifierPool> classifiers = new ConcurrentHashMap<>();
    private final Map<ClassifierId, ClassifierPool> backgroundClassifiers = new ConcurrentHashMap<>();
    private final Map<DatasetId, DatasetSplit> datasets = new ConcurrentHashMap<>();
    private final Map<DatasetId, ConditionalGan> gans = new ConcurrentHashMap<>();
    private final Map<DatasetId, Integer> ganVersions = new ConcurrentHashMap<>();

    ModelCatalog(CatalogProperties properties) {
        this.properties = properties;
    }

    /** A shipped classifier; fails with a message naming the model if it is not shipped. */
    public ClassifierPool classifier(ClassifierId id) {
        return classifiers.computeIfAbsent(id,
                key -> new ClassifierPool(ClassifierFiles.loadShipped(key), properties.poolCopies()));
    }

    /**
     * A shipped classifier's own copy for background work (the machine's comparison): a thread at
     * background priority waits for the cores, and must not hold a copy the players' strokes wait for.
     */
    public ClassifierPool backgroundClassifier(ClassifierId id) {
        return backgroundClassifiers.computeIfAbsent(id, key -> new ClassifierPool(ClassifierFiles.loadShipped(key), 1));
    }

    /** The newest shipped version of a model: the one new games and competitions play. */
    public ClassifierId newest(ClassifierId model) {
        return ClassifierFiles.newestShipped(model);
    }

    public boolean isShipped(ClassifierId id) {
        return ClassifierFiles.isShipped(id);
    }

    /** The dataset's fixed train/test split (the shipped copies, or the configured full set). */
    public DatasetSplit dataset(DatasetId id) {
        return datasets.computeIfAbsent(id, Datasets::load);
    }

    /** The shipped conditional GAN of a dataset that Forge plays with: its newest version. */
    public ConditionalGan gan(DatasetId id) {
        return gans.computeIfAbsent(id, key -> GanFiles.loadShipped(key, ganVersion(key)));
    }

    /** The version of {@link #gan(DatasetId)}: a new pair ships only to take the place of the one in play. */
    public int ganVersion(DatasetId id) {
        return ganVersions.computeIfAbsent(id, GanFiles::newestShippedVersion);
    }
}
