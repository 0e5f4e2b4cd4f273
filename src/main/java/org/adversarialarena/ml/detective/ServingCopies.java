package org.adversarialarena.ml.detective;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Copies of a network that answer requests in parallel, one request per copy at a time (DL4J networks
 * are not thread-safe), instead of every request waiting on one lock. New weights are published once
 * and each copy takes them up the next time it is borrowed, so publishing never waits for a request.
 *
 * @param <C> a copy, e.g. a GAN whose discriminator answers
 * @param <W> the weights a copy takes up; never changed after publishing
 */
final class ServingCopies<C, W> {

    private final BlockingQueue<Copy<C>> idle;
    private final BiConsumer<C, W> takeUp;
    private volatile Published<W> latest;

    private static final class Copy<C> {
        private final C network;
        private long generation;

        Copy(C network) {
            this.network = network;
        }
    }

    private record Published<W>(long generation, W weights) {
    }

    /** {@code copies} all hold {@code weights} now; {@code takeUp} puts published weights into a copy. */
    ServingCopies(List<C> copies, W weights, BiConsumer<C, W> takeUp) {
        if (copies.isEmpty()) {
            throw new IllegalArgumentException("At least one serving copy");
        }
        this.idle = new ArrayBlockingQueue<>(copies.size());
        copies.forEach(copy -> idle.add(new Copy<>(copy)));
        this.takeUp = takeUp;
        this.latest = new Published<>(0, weights);
    }

    /** Runs {@code use} on an idle copy holding the latest weights, waiting for one if all are busy. */
    <T> T with(Function<C, T> use) {
        Copy<C> copy;
        try {
            copy = idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a serving copy", e);
        }
        try {
            Published<W> current = latest;
            if (copy.generation != current.generation()) {
                takeUp.accept(copy.network, current.weights());
                copy.generation = current.generation();
            }
            return use.apply(copy.network);
        } finally {
            idle.add(copy);
        }
    }

    /** From now on every copy answers with {@code weights}; the caller never changes them again. */
    synchronized void publish(W weights) {
        latest = new Published<>(latest.generation() + 1, weights);
    }

    /** The weights last published. */
    W weights() {
        return latest.weights();
    }
}
