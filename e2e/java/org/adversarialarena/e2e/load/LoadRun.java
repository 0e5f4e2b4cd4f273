package org.adversarialarena.e2e.load;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs virtual players against one app for a fixed time: each player a virtual thread that opens its
 * page, then strokes every {@code strokeEvery} (one request at a time, as a browser's client engine
 * sends them) and submits about every {@code submitEvery}. Players start spread over the ramp-up, so
 * the page loads and joins do not all land in the same second; stroke round trips count from the end
 * of the ramp-up (errors count from the start).
 */
final class LoadRun {

    /** What to run. */
    record Plan(String baseUrl, int players, double foolShare, Duration duration, Duration rampUp,
            Duration strokeEvery, Duration submitEvery, boolean push, long seed, String nicknamePrefix) {
    }

    /** How often a player whose page the app lost tries to open it again. */
    private static final Duration REOPEN_EVERY = Duration.ofSeconds(2);

    private final Plan plan;
    final LoadMetrics metrics = new LoadMetrics();
    private final AtomicBoolean stopping = new AtomicBoolean();

    LoadRun(Plan plan) {
        this.plan = plan;
    }

    /** Runs the plan to its end and returns the counts; {@code during} runs meanwhile (faults, samples). */
    LoadMetrics run() throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(20)).executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        long startNanos = System.nanoTime();
        long endNanos = startNanos + plan.duration().toNanos();
        metrics.measureFromNanos = startNanos + plan.rampUp().toNanos();
        try (ExecutorService players = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < plan.players(); i++) {
                int index = i;
                long startAt = startNanos + plan.rampUp().toNanos() * i / Math.max(1, plan.players());
                players.submit(() -> play(http, index, startAt, endNanos));
            }
            players.shutdown();
            players.awaitTermination(plan.duration().plusMinutes(5).toSeconds(), TimeUnit.SECONDS);
        } finally {
            stopping.set(true);
            http.shutdownNow();
        }
        return metrics;
    }

    private void play(HttpClient http, int index, long startAt, long endNanos) {
        Random random = new Random(plan.seed() * 1_000_003L + index);
        boolean fool = index < Math.round(plan.players() * plan.foolShare());
        Map<String, String> browserStorage = UidlConnection.newStorage();
        String nickname = plan.nicknamePrefix() + index;
        VirtualPlayer player = newPlayer(http, browserStorage, fool, random, nickname);
        try {
            sleepUntil(startAt);
            if (!player.start()) {
                metrics.error((fool ? "Fool" : "Forge") + " player " + nickname + " could not start");
                return;
            }
            metrics.playersStarted.incrementAndGet();
            long every = plan.strokeEvery().toNanos();
            // each player submits on its own rhythm, first after a random part of the interval
            long submitEvery = plan.submitEvery().toNanos();
            long nextSubmit = System.nanoTime() + (long) (random.nextDouble() * submitEvery);
            long tick = System.nanoTime() + (long) (random.nextDouble() * every);
            boolean withoutPage = false;
            while (System.nanoTime() < endNanos && !stopping.get()) {
                sleepUntil(tick);
                if (System.nanoTime() >= endNanos) {
                    break;
                }
                if (withoutPage || player.pageLost()) {
                    // the app lost the page (it died, say): open it again in a new tab of the same browser
                    player.close();
                    player = newPlayer(http, browserStorage, fool, random, nickname);
                    withoutPage = !reopened(player);
                    if (withoutPage) {
                        tick = System.nanoTime() + REOPEN_EVERY.toNanos();
                        continue;
                    }
                } else if (player.wantsTurn()) {
                    player.afterTick();
                } else if (System.nanoTime() >= nextSubmit) {
                    player.submit();
                    nextSubmit = System.nanoTime() + submitEvery / 2 + (long) (random.nextDouble() * submitEvery);
                } else if (player.canStroke()) {
                    player.stroke();
                }
                // never catch up in a burst: a slow answer delays the next stroke, as in a browser
                tick = Math.max(tick + every, System.nanoTime());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            metrics.error("player " + nickname + " stopped: " + e);
        } finally {
            player.close();
        }
    }

    /** Opens the lost page again; false (counted) while the app cannot serve it yet. */
    private boolean reopened(VirtualPlayer player) throws InterruptedException {
        try {
            return player.resume();
        } catch (IOException | RuntimeException e) {
            metrics.error("reopening the page of " + player.nickname + ": " + e);
            return false;
        }
    }

    private VirtualPlayer newPlayer(HttpClient http, Map<String, String> browserStorage, boolean fool, Random random,
            String nickname) {
        UidlConnection tab = new UidlConnection(http, plan.baseUrl(), plan.push(), browserStorage);
        return fool ? new FoolPlayer(tab, metrics, random, nickname) : new ForgePlayer(tab, metrics, random, nickname);
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left = nanoTime - System.nanoTime();
        if (left > 0) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }

}
