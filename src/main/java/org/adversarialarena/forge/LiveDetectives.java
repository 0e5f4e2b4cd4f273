package org.adversarialarena.forge;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.adversarialarena.catalog.ModelCatalog;
import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.ml.data.DatasetSplit;
import org.adversarialarena.ml.detective.Detective;
import org.adversarialarena.ml.detective.DetectiveOptions;
import org.adversarialarena.ml.detective.StepFault;
import org.adversarialarena.ml.detective.StepOutcome;
import org.adversarialarena.ml.gan.ConditionalGan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * One live detective per scope: a dataset's global detective, and a class detective per workshop run
 * that plays Forge (see {@link DetectiveScope}). Each goes live from its latest checkpoint in
 * PostgreSQL (a class detective without one from the global detective's; the first time, from the
 * shipped GAN's D) and learns on a single background thread: every few
 * submissions a short training round is queued there, so no player's request ever waits for
 * training. Accepted steps are checkpointed every {@code checkpoint-every} steps; none is written on
 * shutdown, because the embedded database may already be stopping then (a restart loses at most
 * those few steps, never a stored forgery).
 */
@Component
@EnableConfigurationProperties(ForgeProperties.class)
class LiveDetectives implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LiveDetectives.class);

    private final ModelCatalog models;
    private final DetectiveCheckpoints checkpoints;
    private final ForgeryLedger ledger;
    private final DetectiveFeed feed;
    private final ForgeProperties properties;
    private final Map<DetectiveScope, Detective> detectives = new ConcurrentHashMap<>();
    private final Map<DetectiveScope, AtomicLong> submissions = new ConcurrentHashMap<>();
    /** Touched only on the trainer thread. */
    private final Map<DetectiveScope, Integer> acceptedSinceCheckpoint = new ConcurrentHashMap<>();
    private final ExecutorService trainer = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "forge-detective-trainer");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        return thread;
    });

    LiveDetectives(ModelCatalog models, DetectiveCheckpoints checkpoints, ForgeryLedger ledger, DetectiveFeed feed,
            ForgeProperties properties) {
        this.models = models;
        this.checkpoints = checkpoints;
        this.ledger = ledger;
        this.feed = feed;
        this.properties = properties;
    }

    Detective of(DatasetId dataset) {
        return of(DetectiveScope.global(dataset));
    }

    Detective of(DetectiveScope scope) {
        return detectives.computeIfAbsent(scope, this::goLive);
    }

    /** Counts a judged forgery; every {@code train-every} submissions a training round is queued. */
    void observed(DetectiveScope scope, float[] forgery, int prompt, double verdict) {
        Detective detective = of(scope);
        detective.observe(forgery, prompt, verdict);
        feed.publish(scope, detective.stats());
        long count = submissions.computeIfAbsent(scope, key -> new AtomicLong()).incrementAndGet();
        if (count % properties.trainEvery() == 0) {
            train(scope, properties.stepsPerRound(), StepFault.NONE);
        }
    }

    CompletableFuture<List<StepOutcome>> train(DatasetId dataset, int steps, StepFault fault) {
        return train(DetectiveScope.global(dataset), steps, fault);
    }

    /** Queues a training round on the trainer thread; the future completes with each step's outcome. */
    CompletableFuture<List<StepOutcome>> train(DetectiveScope scope, int steps, StepFault fault) {
        return CompletableFuture.supplyAsync(() -> trainRound(scope, steps, fault), trainer);
    }

    CompletableFuture<Void> checkpoint(DatasetId dataset) {
        return checkpoint(DetectiveScope.global(dataset));
    }

    /** Queues a checkpoint of the detective's current state behind any queued training. */
    CompletableFuture<Void> checkpoint(DetectiveScope scope) {
        return CompletableFuture.runAsync(() -> saveCheckpoint(scope, of(scope)), trainer);
    }

    /** Queues a training round and then a checkpoint, as one task on the trainer thread. */
    CompletableFuture<Void> trainAndCheckpoint(DetectiveScope scope, int steps) {
        return CompletableFuture.runAsync(() -> {
            trainRound(scope, steps, StepFault.NONE);
            saveCheckpoint(scope, of(scope));
        }, trainer);
    }

    /**
     * Checkpoints a class detective and drops it from memory, behind any queued training: a finished
     * workshop's detective would otherwise stay for the node's life. Asked again, it resumes from that
     * checkpoint. The global detectives are never retired.
     */
    CompletableFuture<Void> retire(DetectiveScope scope) {
        if (scope.isGlobal()) {
            throw new IllegalArgumentException("The global detective is never retired");
        }
        return CompletableFuture.runAsync(() -> {
            Detective detective = detectives.get(scope);
            if (detective != null) {
                saveCheckpoint(scope, detective);
            }
            detectives.remove(scope);
            submissions.remove(scope);
            acceptedSinceCheckpoint.remove(scope);
        }, trainer);
    }

    /** Completes once everything queued on the trainer so far has run: a reader then sees a settled detective. */
    CompletableFuture<Void> settled() {
        return CompletableFuture.runAsync(() -> { }, trainer);
    }

    private List<StepOutcome> trainRound(DetectiveScope scope, int steps, StepFault fault) {
        Detective detective = of(scope);
        List<StepOutcome> outcomes = new ArrayList<>(steps);
        try {
            for (int i = 0; i < steps; i++) {
                StepOutcome outcome = detective.trainStep(fault);
                outcomes.add(outcome);
                if (outcome.accepted()) {
                    int accepted = acceptedSinceCheckpoint.merge(scope, 1, Integer::sum);
                    if (accepted >= properties.checkpointEvery()) {
                        saveCheckpoint(scope, detective);
                    }
                }
            }
        } catch (RuntimeException e) {
            // The game goes on with the last good detective; the failure is for the operators.
            log.error("{} detective: training round failed", scope.key(), e);
        }
        feed.publish(scope, detective.stats());
        return outcomes;
    }

    private void saveCheckpoint(DetectiveScope scope, Detective detective) {
        boolean stored = checkpoints.save(scope, detective.checkpoint(), properties.keepCheckpoints());
        acceptedSinceCheckpoint.put(scope, 0);
        if (stored) {
            log.info("{} detective v{} checkpointed", scope.key(), detective.version());
        }
    }

    private Detective goLive(DetectiveScope scope) {
        DatasetId dataset = scope.dataset();
        DatasetSplit data = models.dataset(dataset);
        ConditionalGan gan = models.gan(dataset);
        DetectiveOptions options = DetectiveOptions.defaults(properties.seed()).withLearningRate(properties.learningRate());
        Detective detective = checkpoints.startingPoint(scope)
                .map(checkpoint -> {
                    log.info("{} detective resumed from checkpoint v{}", scope.key(), checkpoint.version());
                    return Detective.resume(gan, checkpoint, data.train(), data.test(), options);
                })
                .orElseGet(() -> Detective.fromGan(gan, data.train(), data.test(), options));
        if (properties.replayOnStart() > 0) {
            for (Forgery forgery : ledger.latest(scope, properties.replayOnStart())) {
                detective.remember(forgery.pixels(), forgery.promptClass());
            }
        }
        return detective;
    }

    @Override
    public void destroy() throws InterruptedException {
        trainer.shutdown();
        if (!trainer.awaitTermination(10, TimeUnit.SECONDS)) {
            trainer.shutdownNow();
        }
    }
}
