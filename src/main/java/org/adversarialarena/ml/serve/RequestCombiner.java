package org.adversarialarena.ml.serve;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * Answers concurrent one-image requests in batches, without a thread of its own and without waiting
 * for a batch to fill (flat combining). A small network costs almost as much per call for one image
 * as for a dozen, so under load many players' strokes share one forward pass; alone, a request is
 * answered at once, as before.
 *
 * <p>Every request joins a queue; the caller then asks for a serving copy. Whoever holds a copy takes
 * every request waiting at that moment (its own, and those of callers still waiting for a copy) and
 * answers them together; a caller whose request was taken by another waits for that answer.
 *
 * @param <Q> one request, e.g. an image
 * @param <A> its answer
 */
public final class RequestCombiner<Q, A> {

    private final ConcurrentLinkedQueue<Pending<Q, A>> waiting = new ConcurrentLinkedQueue<>();
    private final int maxBatch;

    private static final class Pending<Q, A> {
        private final Q request;
        private final CompletableFuture<A> answer = new CompletableFuture<>();
        private volatile boolean taken;

        Pending(Q request) {
            this.request = request;
        }
    }

    /** {@code maxBatch}: the most requests answered together, so no caller waits behind a huge batch. */
    public RequestCombiner(int maxBatch) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("A batch holds at least one request, was " + maxBatch);
        }
        this.maxBatch = maxBatch;
    }

    /**
     * The answer to {@code request}. {@code lender} lends a serving copy to the work it is given
     * (waiting for one if all are busy); {@code answerAll} answers a batch of requests, in their order,
     * on that copy.
     */
    public <C> A answer(Q request, Lender<C> lender, BiFunction<C, List<Q>, List<A>> answerAll) {
        Pending<Q, A> mine = new Pending<>(request);
        waiting.add(mine);
        while (!mine.taken) {
            lender.lend(copy -> answerWaiting(copy, answerAll));
        }
        try {
            return mine.answer.join();
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw failed;
        }
    }

    /** Lends a serving copy of type {@code C} to one piece of work, waiting for one if all are busy. */
    @FunctionalInterface
    public interface Lender<C> {
        void lend(Consumer<C> work);
    }

    private <C> void answerWaiting(C copy, BiFunction<C, List<Q>, List<A>> answerAll) {
        List<Pending<Q, A>> batch = new ArrayList<>();
        Pending<Q, A> next;
        while (batch.size() < maxBatch && (next = waiting.poll()) != null) {
            next.taken = true;
            batch.add(next);
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            List<A> answers = answerAll.apply(copy, batch.stream().map(pending -> pending.request).toList());
            if (answers.size() != batch.size()) {
                throw new IllegalStateException(batch.size() + " requests but " + answers.size() + " answers");
            }
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).answer.complete(answers.get(i));
            }
        } catch (RuntimeException | Error failure) {
            // Every caller in the batch learns of the failure; none is left waiting.
            batch.forEach(pending -> pending.answer.completeExceptionally(failure));
        }
    }
}
