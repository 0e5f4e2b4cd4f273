package org.adversarialarena.jobs;

import java.util.List;
import java.util.Objects;
import org.adversarialarena.ml.gan.ConditionalGan;
import org.adversarialarena.ml.gan.GanCheckpoint;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The read side of promoted Lab runs, for the features that use a promoted generator (Forge, Judge,
 * workshops): which runs were promoted, and their trained networks.
 */
@Service
public class PromotedGenerators {

    private final TrainingRunStore store;

    PromotedGenerators(TrainingRunStore store) {
        this.store = store;
    }

    /** Every promoted run, newest first. */
    public List<PromotedGenerator> all() {
        return store.promoted(null).stream().map(PromotedGenerators::summary).toList();
    }

    /** The runs one instructor promoted, newest first. */
    public List<PromotedGenerator> promotedBy(long accountId) {
        return store.promoted(accountId).stream().map(PromotedGenerators::summary).toList();
    }

    /**
     * The promoted run's GAN as it finished (generator and discriminator), a fresh copy per call.
     *
     * @throws IllegalArgumentException if the run is not promoted
     */
    public ConditionalGan load(long runId) {
        TrainingRun run = store.find(runId).filter(found -> found.promotedAt() != null)
                .orElseThrow(() -> new IllegalArgumentException("Run " + runId + " is not a promoted run"));
        GanRunSettings settings = GanRunSettings.fromJson(run.settings());
        RunCheckpoint result = store.latestCheckpoint(runId)
                .orElseThrow(() -> new IllegalStateException("Promoted run " + runId + " has no checkpoint"));
        return new GanCheckpoint(result.step(), result.firstNetwork(),
                Objects.requireNonNull(result.secondNetwork(), "A GAN checkpoint has two networks"))
                .restore(settings.dataset(), settings.loss());
    }

    private static PromotedGenerator summary(TrainingRun run) {
        GanRunSettings settings = GanRunSettings.fromJson(run.settings());
        return new PromotedGenerator(run.id(), Objects.requireNonNull(run.promotedBy()),
                Objects.requireNonNull(run.promotedAt()), settings.dataset(), settings.architecture(), settings.loss(),
                settings.conditional(), settings.latentSize(), run.step(), lastFigure(run, "fid"),
                lastFigure(run, "fidBaseline"));
    }

    private static @Nullable Double lastFigure(TrainingRun run, String name) {
        return run.metrics().get(name);
    }
}
