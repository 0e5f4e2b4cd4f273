package org.adversarialarena.e2e.load;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends {@link MalformedInputs} through the real channel from a few joined Fool pages at once, and
 * counts the answers by kind and status. A page whose UI the server gave up on (an answer that is not
 * a clean UIDL message) is replaced by a freshly opened one, so every input reaches a live UI.
 */
final class HttpFuzz {

    /** What the fuzz saw. */
    record Result(long inputs, Map<String, Long> byKindAndStatus, long serverErrors, long reopened, long millis,
            long failedOpens) {
    }

    private final String baseUrl;
    private final String nicknamePrefix;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(20)).build();
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    private final AtomicLong serverErrors = new AtomicLong();
    private final AtomicLong reopened = new AtomicLong();
    private final AtomicLong failedOpens = new AtomicLong();
    private final AtomicInteger pages = new AtomicInteger();
    private final LoadMetrics metrics = new LoadMetrics();

    HttpFuzz(String baseUrl, String nicknamePrefix) {
        this.baseUrl = baseUrl;
        this.nicknamePrefix = nicknamePrefix;
    }

    Result run(int inputs, int tabs, long seed) throws InterruptedException {
        long start = System.nanoTime();
        AtomicInteger next = new AtomicInteger();
        try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int t = 0; t < tabs; t++) {
                long tabSeed = seed * 31 + t;
                workers.submit(() -> fuzzFromOneTab(next, inputs, tabSeed));
            }
            workers.shutdown();
            workers.awaitTermination(1, TimeUnit.HOURS);
        }
        Map<String, Long> sorted = new TreeMap<>();
        counts.forEach((key, value) -> sorted.put(key, value.get()));
        return new Result(next.get() > inputs ? inputs : next.get(), sorted, serverErrors.get(), reopened.get(),
                (System.nanoTime() - start) / 1_000_000, failedOpens.get());
    }

    private void fuzzFromOneTab(AtomicInteger next, int inputs, long seed) {
        MalformedInputs malformed = new MalformedInputs(seed, 997);
        FoolPlayer page = open(seed);
        int index;
        while ((index = next.getAndIncrement()) < inputs) {
            if (page == null) {
                page = open(seed + index);
                if (page == null) {
                    continue;
                }
            }
            MalformedInputs.Input input = malformed.next(index, page.tab, page);
            UidlConnection.Answer answer;
            try {
                answer = page.tab.sendRaw(input.body(), input.contentType(),
                        input.query() == null ? "?v-r=uidl&v-uiId=" + page.tab.uiId() : input.query());
            } catch (IOException e) {
                count(input.kind() + " io-error");
                page = reopen(page, seed + index);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            count(input.kind() + " " + answer.status());
            if (answer.status() >= 500) {
                serverErrors.incrementAndGet();
            }
            page.tab.takeExecutions();
            if (!answer.ok() && !stillLive(page)) {
                page = reopen(page, seed + index);
            }
        }
        if (page != null) {
            page.close();
        }
    }

    /** Whether the page's UI still answers a well-formed request, after one it did not take. */
    private static boolean stillLive(FoolPlayer page) {
        try {
            return page.tab.send(List.of(UidlConnection.event(page.canvas(), "no-such-event",
                    tools.jackson.databind.node.JsonNodeFactory.instance.objectNode()))).ok();
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private FoolPlayer reopen(FoolPlayer page, long seed) {
        page.close();
        reopened.incrementAndGet();
        return open(seed);
    }

    private FoolPlayer open(long seed) {
        FoolPlayer page = new FoolPlayer(new UidlConnection(http, baseUrl, false, UidlConnection.newStorage()), metrics,
                new Random(seed), nicknamePrefix + pages.incrementAndGet());
        try {
            if (page.start()) {
                return page;
            }
        } catch (IOException e) {
            // counted below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        failedOpens.incrementAndGet();
        page.close();
        return null;
    }

    private void count(String key) {
        counts.computeIfAbsent(key, ignored -> new AtomicLong()).incrementAndGet();
    }
}
