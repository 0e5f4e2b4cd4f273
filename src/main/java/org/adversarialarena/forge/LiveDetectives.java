package org.adversarialarena.forge;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.adversarialarena.base.live.LiveChange;
import org.adversarialarena.base.live.LiveListener;
import org.adversarialarena.base.live.Subscription;
import org.adversarialarena.catalog.ModelCatalog;
import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.ml.data.DatasetSplit;
import org.adversarialarena.ml.detective.Detective;
import org.adversarialarena.ml.detective.DetectiveCheckpoint;
import org.adversarialarena.ml.detective.DetectiveOptions;
import org.adversarialarena.ml.detective.DetectiveStats;
import org.adversarialarena.ml.detective.StepFault;
import org.adversarialarena.ml.detective.StepOutcome;
import org.adversarialarena.ml.gan.ConditionalGan;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * One live detective per scope: a dataset's global detective, and a class detective per workshop run
 * that plays Forge (see {@link DetectiveScope}), on every node. Each goes live from its latest
 * checkpoint in PostgreSQL (a class detective without one from the global detective's; the first time,
 * from the shipped GAN's D).
 *
 * <p>Of several nodes, one trains a detective at a time: the holder of its {@link TrainingLease}. Every
 * few submissions a node queues a short training round on its single background thread (so no player's
 * request ever waits for training); the round runs only if the node holds or can take the lease,
 * renewed before each step. Accepted steps are checkpointed every {@code checkpoint-every} steps, by the
 * holder only, and at most once per {@code checkpoint-interval}: serialising the network and its Adam
 * state costs far more than a step, so under a class's stream of submissions steps accepted within the
 * interval wait for one checkpoint at its end. Every node counts every stored forgery of the scope once,
 * whichever node stored it (the trainer thus learns from all of them), and when it hears of a newer checkpoint than its own detective,
 * it takes that checkpoint's weights up: every node serves the latest accepted checkpoint. None is
 * written on shutdown, because the embedded database may already be stopping then (a restart loses at
 * most those few steps, never a stored forgery).
 */
@Component
@EnableConfigurationProperties(ForgeProperties.class)
class LiveDetectives implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LiveDetectives.class);
    /** Stored forgeries read at once when counting; a node that was away reads several batches. */
    private static final int COUNT_BATCH = 512;
    private static final long NEVER = Long.MIN_VALUE;

    /** A scope's detective on this node, and what this node knows of it. */
    private static final class OnNode {
        private final Detective detective;
        private final CountedForgeries counted;
        private final AtomicLong submissions = new AtomicLong();
        /** Touched only on the trainer thread, as the next two are. */
        private int acceptedSinceCheckpoint;
        private long lastCheckpointNanos = NEVER;
        private boolean checkpointDeferred;
        private volatile @Nullable Subscription changes;

        OnNode(Detective detective, CountedForgeries counted) {
            this.detective = detective;
            this.counted = counted;
        }
    }

    private final ModelCatalog models;
    private final DetectiveCheckpoints checkpoints;
    private final ForgeryLedger ledger;
    private final DetectiveFeed feed;
    private final ForgeProperties properties;
    private final TrainingLease lease;
    private final LiveListener live;
    private final Map<DetectiveScope, OnNode> detectives = new ConcurrentHashMap<>();
    /** A class detective's losses of accepted steps since its last round ended; touched only on the trainer thread. */
    private final Map<DetectiveScope, List<Double>> lossesOfRound = new ConcurrentHashMap<>();
    private final ExecutorService trainer = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "forge-detective-trainer");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        return thread;
    });

    LiveDetectives(ModelCatalog models, DetectiveCheckpoints checkpoints, ForgeryLedger ledger, DetectiveFeed feed,
            ForgeProperties properties, TrainingLease lease, LiveListener live) {
        this.models = models;
        this.checkpoints = checkpoints;
        this.ledger = ledger;
        this.feed = feed;
        this.properties = properties;
        this.lease = lease;
        this.live = live;
    }

    Detective of(DatasetId dataset) {
        return of(DetectiveScope.global(dataset));
    }

    Detective of(DetectiveScope scope) {
        return onNode(scope).detective;
    }

    /**
     * The detective's status as every node sees it: first caught up with the forgeries stored and the
     * checkpoint written since this node last looked (by whichever node).
     */
    DetectiveStats current(DetectiveScope scope) {
        OnNode node = onNode(scope);
        catchUp(scope, node, true);
        return node.detective.stats();
    }

    /**
     * A forgery of the scope was stored on this node: the detective counts it (with any other node's
     * since), the status is announced, and every {@code train-every} submissions a training round is queued.
     */
    void observed(DetectiveScope scope) {
        OnNode node = onNode(scope);
        try {
            catchUp(scope, node, false);
        } catch (DataAccessException e) {
            // The forgery is stored and judged already; the count catches up at the next look.
            log.warn("{} detective: could not count the latest forgeries", scope.key(), e);
        }
        feed.publish(scope, node.detective.stats());
        if (node.submissions.incrementAndGet() % properties.trainEvery() == 0) {
            train(scope, properties.stepsPerRound(), StepFault.NONE);
        }
    }

    CompletableFuture<List<StepOutcome>> train(DatasetId dataset, int steps, StepFault fault) {
        return train(DetectiveScope.global(dataset), steps, fault);
    }

    /**
     * Queues a training round on the trainer thread; the future completes with each step's outcome, none
     * if another node holds the training lease (that node trains, this one serves its checkpoints).
     */
    CompletableFuture<List<StepOutcome>> train(DetectiveScope scope, int steps, StepFault fault) {
        return CompletableFuture.supplyAsync(() -> trainRound(scope, steps, fault), trainer);
    }

    CompletableFuture<Void> checkpoint(DatasetId dataset) {
        return checkpoint(DetectiveScope.global(dataset));
    }

    /** Queues a checkpoint of the detective's current state behind any queued training (only the lease holder writes one). */
    CompletableFuture<Void> checkpoint(DetectiveScope scope) {
        return CompletableFuture.runAsync(() -> saveCheckpoint(scope, onNode(scope)), trainer);
    }

    /**
     * Queues a training round and then a checkpoint, as one task on the trainer thread; the future
     * completes with the losses of the steps the detective accepted since the previous such round
     * (those its submissions triggered, then this round's), oldest first. Kept only for class detectives.
     */
    CompletableFuture<List<Double>> trainAndCheckpoint(DetectiveScope scope, int steps) {
        return CompletableFuture.supplyAsync(() -> {
            trainRound(scope, steps, StepFault.NONE);
            saveCheckpoint(scope, onNode(scope));
            List<Double> losses = lossesOfRound.remove(scope);
            return losses == null ? List.<Double>of() : List.copyOf(losses);
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
            OnNode node = detectives.get(scope);
            if (node != null) {
                saveCheckpoint(scope, node);
                forget(scope, node);
                lease.release(scope);
            }
            lossesOfRound.remove(scope);
        }, trainer);
    }

    /** Completes once everything queued on the trainer so far has run: a reader then sees a settled detective. */
    CompletableFuture<Void> settled() {
        return CompletableFuture.runAsync(() -> { }, trainer);
    }

    private OnNode onNode(DetectiveScope scope) {
        OnNode node = detectives.computeIfAbsent(scope, this::goLive);
        if (node.changes == null) {
            synchronized (node) {
                if (node.changes == null) {
                    node.changes = live.subscribe(DetectiveFeed.TOPIC, scope, change -> heard(scope, change));
                }
            }
        }
        return node;
    }

    /** Another node (or this one) announced the detective: count what it stored, take up a newer checkpoint. */
    private void heard(DetectiveScope scope, LiveChange change) {
        OnNode node = detectives.get(scope);
        if (node != null) {
            catchUp(scope, node, change.mayHaveMissedChanges() || change.version() > node.detective.version());
        }
    }

    /**
     * Brings this node's detective up to what PostgreSQL holds: the scope's newest checkpoint if it is
     * newer than the detective here (written by the node that trains; {@code lookForCheckpoint} skips the
     * look when nothing announced one), then every stored forgery it has not counted yet.
     */
    private void catchUp(DetectiveScope scope, OnNode node, boolean lookForCheckpoint) {
        synchronized (node) {
            if (lookForCheckpoint && checkpoints.newestVersion(scope) > node.detective.version()) {
                checkpoints.latest(scope).ifPresent(stored -> {
                    if (stored.checkpoint().version() > node.detective.version()) {
                        node.detective.adopt(stored.checkpoint());
                        log.info("{} detective: serving checkpoint v{} trained on another node", scope.key(),
                                stored.checkpoint().version());
                    }
                });
            }
            List<Long> ids;
            List<Long> fresh;
            do {
                ids = ledger.idsAfter(scope, node.counted.readAfter(), COUNT_BATCH);
                fresh = ids.stream().filter(node.counted::count).toList();
                for (Forgery forgery : ledger.byIds(fresh)) {
                    node.detective.observe(forgery.pixels(), forgery.promptClass(), forgery.realProbability());
                }
            } while (ids.size() == COUNT_BATCH && !fresh.isEmpty());
        }
    }

    private List<StepOutcome> trainRound(DetectiveScope scope, int steps, StepFault fault) {
        OnNode node = onNode(scope);
        Detective detective = node.detective;
        List<StepOutcome> outcomes = new ArrayList<>(steps);
        try {
            if (!lease.take(scope)) {
                log.debug("{} detective: another node trains it", scope.key());
                return outcomes;
            }
            catchUp(scope, node, true);
            for (int i = 0; i < steps && (i == 0 || lease.take(scope)); i++) {
                StepOutcome outcome = detective.trainStep(fault);
                outcomes.add(outcome);
                if (outcome.accepted()) {
                    if (!scope.isGlobal()) {
                        lossesOfRound.computeIfAbsent(scope, key -> new ArrayList<>()).add(outcome.loss());
                    }
                    if (++node.acceptedSinceCheckpoint >= properties.checkpointEvery()) {
                        checkpointWhenDue(scope, node);
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

    /** Now if the interval since this node's last checkpoint has passed, else once, when it will have. */
    private void checkpointWhenDue(DetectiveScope scope, OnNode node) {
        long wait = node.lastCheckpointNanos == NEVER ? 0
                : properties.checkpointInterval().toNanos() - (System.nanoTime() - node.lastCheckpointNanos);
        if (wait <= 0) {
            saveCheckpoint(scope, node);
        } else if (!node.checkpointDeferred) {
            node.checkpointDeferred = true;
            Executor afterTheInterval = CompletableFuture.delayedExecutor(wait, TimeUnit.NANOSECONDS, trainer);
            CompletableFuture.runAsync(() -> {
                node.checkpointDeferred = false;
                if (detectives.get(scope) == node && node.acceptedSinceCheckpoint > 0) {
                    saveCheckpoint(scope, node);
                }
            }, afterTheInterval).exceptionally(failure -> {
                log.error("{} detective: deferred checkpoint failed", scope.key(), failure);
                return null;
            });
        }
    }

    private void saveCheckpoint(DetectiveScope scope, OnNode node) {
        if (!lease.take(scope)) {
            return;
        }
        long lastForgery;
        DetectiveCheckpoint checkpoint;
        synchronized (node) {
            lastForgery = node.counted.last();
            checkpoint = node.detective.checkpoint();
        }
        boolean stored = checkpoints.save(scope, checkpoint, lastForgery, properties.keepCheckpoints(), lease);
        node.acceptedSinceCheckpoint = 0;
        node.lastCheckpointNanos = System.nanoTime();
        if (stored) {
            log.info("{} detective v{} checkpointed", scope.key(), checkpoint.version());
            // The other nodes take it up as soon as they hear of it, not only at the round's end.
            feed.publish(scope, node.detective.stats());
        }
    }

    private OnNode goLive(DetectiveScope scope) {
        DatasetId dataset = scope.dataset();
        DatasetSplit data = models.dataset(dataset);
        ConditionalGan gan = models.gan(dataset);
        DetectiveOptions options = DetectiveOptions.defaults(properties.seed()).withLearningRate(properties.learningRate());
        Optional<StoredDetective> start = checkpoints.startingPoint(scope);
        Detective detective = start
                .map(stored -> {
                    log.info("{} detective resumed from checkpoint v{}", scope.key(), stored.checkpoint().version());
                    return Detective.resume(gan, stored.checkpoint(), data.train(), data.test(), options);
                })
                .orElseGet(() -> Detective.fromGan(gan, data.train(), data.test(), options));
        long counted = start.map(StoredDetective::lastForgeryId).orElse(0L);
        // Forgeries the checkpoint counted refill the replay buffer; later ones are counted (and remembered) as new.
        List<Forgery> recent = properties.replayOnStart() > 0 ? ledger.latest(scope, properties.replayOnStart()) : List.of();
        for (Forgery forgery : recent) {
            if (forgery.id() <= counted) {
                detective.remember(forgery.pixels(), forgery.promptClass());
            }
        }
        OnNode node = new OnNode(detective, new CountedForgeries(counted));
        catchUp(scope, node, false);
        return node;
    }

    private void forget(DetectiveScope scope, OnNode node) {
        detectives.remove(scope);
        Subscription changes = node.changes;
        if (changes != null) {
            changes.close();
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        detectives.forEach(this::forget);
        trainer.shutdown();
        if (!trainer.awaitTermination(10, TimeUnit.SECONDS)) {
            trainer.shutdownNow();
        }
    }
}
