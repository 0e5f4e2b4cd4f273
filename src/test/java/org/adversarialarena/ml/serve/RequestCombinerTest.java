package org.adversarialarena.ml.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The combiner on one "copy" (a permit): callers that queue while the copy is busy are answered together
 * by the next holder, each gets its own answer, and a failing batch fails every caller in it.
 */
class RequestCombinerTest {

    private final ExecutorService callers = Executors.newFixedThreadPool(12);
    private final Semaphore copy = new Semaphore(1);
    private final List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger lends = new AtomicInteger();

    @AfterEach
    void stopCallers() {
        callers.shutdownNow();
    }

    private void lend(Consumer<String> work) {
        lends.incrementAndGet();
        copy.acquireUninterruptibly();
        try {
            work.accept("copy");
        } finally {
            copy.release();
        }
    }

    private List<Integer> squares(String onCopy, List<Integer> requests) {
        batches.add(List.copyOf(requests));
        return requests.stream().map(n -> n * n).toList();
    }

    @Test
    void aLoneRequestIsAnsweredAtOnceOnItsOwn() {
        RequestCombiner<Integer, Integer> combiner = new RequestCombiner<>(16, 1);

        assertThat(combiner.answer(7, this::lend, this::squares)).isEqualTo(49);
        assertThat(batches).containsExactly(List.of(7));
    }

    @Test
    void requestsThatQueueWhileTheCopyIsBusyShareTheNextBatchAndEachGetsItsOwnAnswer() throws Exception {
        RequestCombiner<Integer, Integer> combiner = new RequestCombiner<>(16, 1);
        answerTenQueuedWhileTheCopyIsBusy(combiner);

        assertThat(batches).hasSize(1);
        assertThat(batches.getFirst()).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        // The nine answered in the runner's batch never asked for the copy.
        assertThat(lends).hasValue(1);
        assertThat(combiner.waitingRequests()).isZero();
    }

    @Test
    void aBatchNeverHoldsMoreThanTheLimitAndTheRestAreAnsweredNext() throws Exception {
        answerTenQueuedWhileTheCopyIsBusy(new RequestCombiner<>(4, 1));

        assertThat(batches).allSatisfy(batch -> assertThat(batch).hasSizeLessThanOrEqualTo(4));
        assertThat(batches.stream().mapToInt(List::size).sum()).isEqualTo(10);
    }

    @Test
    void aFailingBatchFailsEveryCallerInItWithTheCauseAndTheNextBatchWorks() throws Exception {
        RequestCombiner<Integer, Integer> combiner = new RequestCombiner<>(16, 1);
        copy.acquire();
        List<Future<Integer>> answers = new ArrayList<>();
        for (int n = 1; n <= 3; n++) {
            int request = n;
            answers.add(callers.submit(() -> combiner.answer(request, this::lend, (onCopy, requests) -> {
                throw new IllegalArgumentException("bad batch " + requests.size());
            })));
        }
        awaitQueued(combiner, 3);
        copy.release();

        for (Future<Integer> answer : answers) {
            assertThatThrownBy(() -> answer.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalArgumentException.class)
                    .cause().hasMessage("bad batch 3");
        }
        assertThat(combiner.answer(5, this::lend, this::squares)).isEqualTo(25);
    }

    /** Ten callers queue (one of them waits for the copy) before the copy is freed; each gets its own square. */
    private void answerTenQueuedWhileTheCopyIsBusy(RequestCombiner<Integer, Integer> combiner) throws Exception {
        copy.acquire();
        List<Future<Integer>> answers = new ArrayList<>();
        for (int n = 1; n <= 10; n++) {
            int request = n;
            answers.add(callers.submit(() -> combiner.answer(request, this::lend, this::squares)));
        }
        awaitQueued(combiner, 10);
        copy.release();

        for (int n = 1; n <= 10; n++) {
            assertThat(answers.get(n - 1).get(10, TimeUnit.SECONDS)).isEqualTo(n * n);
        }
    }

    /** Until {@code requests} wait in the combiner and one caller (the runner) waits for the copy. */
    private void awaitQueued(RequestCombiner<Integer, Integer> combiner, int requests) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while ((combiner.waitingRequests() < requests || copy.getQueueLength() < 1) && System.nanoTime() < until) {
            Thread.sleep(5);
        }
        assertThat(combiner.waitingRequests()).isEqualTo(requests);
        assertThat(copy.getQueueLength()).isEqualTo(1);
    }

    @Test
    void twoRunnersOnTwoCopiesAnswerManyCallersEachOnceAndLeaveNothingWaiting() throws Exception {
        Semaphore twoCopies = new Semaphore(2);
        RequestCombiner<Integer, Integer> combiner = new RequestCombiner<>(8, 2);
        ExecutorService many = Executors.newFixedThreadPool(32);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int n = 0; n < 2_000; n++) {
                int request = n;
                answers.add(many.submit(() -> combiner.answer(request, work -> {
                    twoCopies.acquireUninterruptibly();
                    try {
                        work.accept("copy");
                    } finally {
                        twoCopies.release();
                    }
                }, this::squares)));
            }
            for (int n = 0; n < 2_000; n++) {
                assertThat(answers.get(n).get(30, TimeUnit.SECONDS)).isEqualTo(n * n);
            }
        } finally {
            many.shutdownNow();
        }
        assertThat(batches.stream().mapToInt(List::size).sum()).isEqualTo(2_000);
        assertThat(combiner.waitingRequests()).isZero();
    }
}
