package org.adversarialarena.ml.detective;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Forge's judgements no longer wait on one lock (issue 24): copies answer at once and take up new weights. */
class ServingCopiesTest {

    /** A stand-in network: what a copy holds is what it answers with. */
    private static final class Holder {
        String weights = "v1";
    }

    private final List<Holder> holders = List.of(new Holder(), new Holder());
    private final ServingCopies<Holder, String> copies = new ServingCopies<>(holders, "v1",
            (holder, weights) -> holder.weights = weights);

    @Test
    void aSecondRequestIsAnsweredWhileTheFirstStillHoldsItsCopy() throws Exception {
        // Two threads of our own: the common pool may have only one on a small machine.
        ExecutorService requests = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch firstInside = new CountDownLatch(1);
            CountDownLatch releaseFirst = new CountDownLatch(1);
            Future<String> first = requests.submit(() -> copies.with(copy -> {
                firstInside.countDown();
                await(releaseFirst);
                return copy.weights;
            }));
            assertThat(firstInside.await(10, TimeUnit.SECONDS)).isTrue();

            String second = requests.submit(() -> copies.with(copy -> copy.weights)).get(10, TimeUnit.SECONDS);

            assertThat(second).as("answered while the first request is still inside its copy").isEqualTo("v1");
            assertThat(first.isDone()).isFalse();
            releaseFirst.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("v1");
        } finally {
            requests.shutdownNow();
        }
    }

    @Test
    void publishedWeightsReachEveryCopyBeforeItsNextAnswer() {
        copies.publish("v2");

        List<String> answers = new ArrayList<>();
        for (int i = 0; i < holders.size() * 2; i++) {
            answers.add(copies.with(copy -> copy.weights));
        }

        assertThat(answers).containsOnly("v2");
        assertThat(holders).allSatisfy(holder -> assertThat(holder.weights).isEqualTo("v2"));
        assertThat(copies.weights()).isEqualTo("v2");
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
