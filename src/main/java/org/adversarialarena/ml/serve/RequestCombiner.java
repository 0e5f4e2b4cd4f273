package org.adversarialarena.ml.serve;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * Answers concurrent one-image requests in batches, without a thread of its own and without waiting
 * for a batch to fill (flat combining). A small network costs almost as much per call for one image
 * as for a dozen, so under load many players' strokes share one forward pass; alone, a request is
 * answered at once, as before.
 *
 * <p>Every request joins a queue. As many callers as there are serving copies may run at a time; a
 * runner borrows a copy and answers the oldest waiting requests together, batch after batch, until its
 * own is answered, then hands its place to the oldest caller still waiting. Every other caller sleeps
 * until its answer arrives or its turn to run comes: a caller answered in someone else's batch no
 * longer queues for a copy only to find nothing left to do, which under load had most request threads
 * waiting for copies (docs/reliability.md).
 *
 * @param <Q> one request, e.g. an image
 * @param <A> its answer
 */
public final class RequestCombiner<Q, A> {

    /** A safety net only: callers are woken when their answer arrives or their turn to run comes. */
    private static final long RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final ConcurrentLinkedQueue<Pending<Q, A>> waiting = new ConcurrentLinkedQueue<>();
    private final int maxBatch;
    private final Semaphore runners;

    private static final class Pending<Q, A> {
        private final Q request;
        private final CompletableFuture<A> answer = new CompletableFuture<>();
        private final Thread caller = Thread.currentThread();
        private volatile boolean taken;

        Pending(Q request) {
            this.request = request;
        }

        void wake() {
            LockSupport.unpark(caller);
        }
    }

    /**
     * {@code maxBatch}: the most requests answered together, so no caller waits behind a huge batch;
     * {@code runners}: how many callers may answer batches at a time (the serving copies).
     */
    public RequestCombiner(int maxBatch, int runners) {
        if (maxBatch < 1 || runners < 1) {
            throw new IllegalArgumentException("A batch holds at least one request and one caller runs, was "
                    + maxBatch + " and " + runners);
        }
        this.maxBatch = maxBatch;
        this.runners = new Semaphore(runners);
    }

    /**
     * The answer to {@code request}. {@code lender} lends a serving copy to the work it is given
     * (waiting for one if all are busy); {@code answerAll} answers a batch of requests, in their order,
     * on that copy.
     */
    public <C> A answer(Q request, Lender<C> lender, BiFunction<C, List<Q>, List<A>> answerAll) {
        Pending<Q, A> mine = new Pending<>(request);
        waiting.add(mine);
        while (!mine.answer.isDone()) {
            if (!mine.taken && runners.tryAcquire()) {
                try {
                    while (!mine.taken) {
                        lender.lend(copy -> answerWaiting(copy, answerAll));
                    }
                } finally {
                    runners.release();
                    wakeOldest();
                }
            } else {
                LockSupport.parkNanos(this, RECHECK_NANOS);
            }
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

    /** Requests queued and not yet taken into a batch. */
    int waitingRequests() {
        return waiting.size();
    }

    /** A runner's place is free: the oldest waiting caller runs next (or finds a newer runner serving it). */
    private void wakeOldest() {
        Pending<Q, A> oldest = waiting.peek();
        if (oldest != null) {
            oldest.wake();
        }
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
        } finally {
            batch.forEach(Pending::wake);
        }
    }
}
