package org.adversarialarena.e2e.load;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.adversarialarena.e2e.AppNode;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The HTTP fuzz (docs/reliability.md): starts an app with its own embedded PostgreSQL, sends
 * {@code --inputs} malformed requests from {@code --tabs} joined Fool pages, then checks what the issue
 * asks: no answer 5xx, no stack trace and no ERROR logged from our code ({@code org.adversarialarena})
 * in the app's log, nothing stored by the fuzzing players, and the app alive: its health is UP and a
 * fresh player strokes and submits. Prints one summary line; exits 1 if a check failed.
 */
public final class HttpFuzzMain {

    /** {@code arena.ui.pages-per-session} as the app ships it. */
    private static final int DEFAULT_PAGES_PER_SESSION = 20;

    /** What the fuzz found, with the checks. */
    record Report(HttpFuzz.Result fuzz, List<String> ourStackTraces, List<String> ourErrorLines,
            long frameworkStackTraces, long droppedReports,
            long malformedRequests, long stored, boolean healthy, boolean freshPlayerPlayed, boolean pagesLimited,
            String load) {

        boolean passed() {
            return fuzz.serverErrors() == 0 && ourStackTraces.isEmpty() && ourErrorLines.isEmpty() && stored == 0
                    && healthy && freshPlayerPlayed && pagesLimited;
        }

        String summary() {
            return String.format(Locale.ROOT,
                    "FUZZ inputs=%d in %.1fs 5xx=%d our-stack-traces=%d our-error-lines=%d framework-stack-traces=%d "
                            + "dropped-canvas-reports=%d "
                            + "malformed-requests-logged=%d "
                            + "stored=%d pages-reopened=%d failed-opens=%d healthy=%s fresh-player-played=%s pages-limited=%s load=%s %s",
                    fuzz.inputs(), fuzz.millis() / 1000.0, fuzz.serverErrors(), ourStackTraces.size(),
                    ourErrorLines.size(), frameworkStackTraces, droppedReports, malformedRequests, stored, fuzz.reopened(), fuzz.failedOpens(), healthy,
                    freshPlayerPlayed, pagesLimited, load, passed() ? "PASSED" : "FAILED");
        }
    }

    public static void main(String[] args) throws InterruptedException {
        int inputs = 10_000;
        int tabs = 4;
        long seed = 24;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--inputs" -> inputs = Integer.parseInt(args[i + 1]);
                case "--tabs" -> tabs = Integer.parseInt(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        Report report = run(inputs, tabs, seed, Path.of("target", "fuzz"));
        System.out.println(report.summary());
        report.fuzz().byKindAndStatus().forEach((kind, count) -> System.out.println("  " + kind + ": " + count));
        report.ourStackTraces().stream().limit(20).forEach(line -> System.out.println("  stack: " + line));
        report.ourErrorLines().stream().limit(20).forEach(line -> System.out.println("  error: " + line));
        System.exit(report.passed() ? 0 : 1);
    }

    static Report run(int inputs, int tabs, long seed, Path logDir) throws InterruptedException {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                AppNode app = AppNode.start("fuzz", logDir, LoadDriver.appProperties(postgres.getJdbcUrl("postgres", "postgres")))) {
            UidlConnection.waitUntilServing(app.url("/"), AppNode.FRONTEND_READY);
            JdbcTemplate jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
            long logStart = Files.size(app.log());
            String prefix = "fz" + Long.toString(System.currentTimeMillis() % 1_000_000, 36) + "-";
            HttpFuzz.Result result = new HttpFuzz(app.url("/"), prefix).run(inputs, tabs, seed);
            String load = ProcessSampler.loadAverage();
            boolean played = freshPlayerPlays(app.url("/"), prefix + "after");
            boolean pagesLimited = pagesBeyondTheLimitCloseTheOldest(app.url("/"));
            boolean healthy = healthy(app.url("/actuator/health"));
            List<AppLog.Entry> log = AppLog.read(app.log(), logStart);
            List<String> ourStack = AppLog.ourStackTraces(log).stream()
                    .map(entry -> entry.line() + " | " + String.join(" | ", entry.trace().subList(0, Math.min(3, entry.trace().size()))))
                    .toList();
            List<String> ourErrors = AppLog.ourErrors(log).stream().map(AppLog.Entry::line).toList();
            long dropped = log.stream().filter(entry -> entry.line().contains("Dropped an invalid image")).count();
            long frameworkTraces = log.stream().filter(AppLog.Entry::hasStackTrace).count() - ourStack.size();
            long malformed = log.stream().filter(entry -> entry.line().contains("Ignored a malformed request")).count();
            Long stored = jdbc.queryForObject("select (select count(*) from fool_attempt a join player p on p.id = a.player_id"
                    + " where p.nickname like ? and p.nickname not like ?) + (select count(*) from forgery f join player p"
                    + " on p.id = f.player_id where p.nickname like ?)", Long.class, prefix + "%", prefix + "after%",
                    prefix + "%");
            return new Report(result, ourStack, ourErrors, frameworkTraces, dropped, malformed, stored == null ? 0 : stored, healthy, played,
                    pagesLimited, load);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** After the fuzz, a new player opens Fool, strokes (answered) and submits (accepted). */
    private static boolean freshPlayerPlays(String url, String nickname) throws InterruptedException {
        LoadMetrics metrics = new LoadMetrics();
        HttpClient http = HttpClient.newHttpClient();
        try (FoolPlayer player = new FoolPlayer(new UidlConnection(http, url, true, UidlConnection.newStorage()), metrics,
                new Random(1), nickname)) {
            if (!player.start()) {
                return false;
            }
            player.stroke();
            player.submit();
        } catch (IOException e) {
            return false;
        }
        return metrics.errors.get() == 0 && metrics.strokesAnswered.get() == 1 && metrics.accepted.get() == 1;
    }

    /**
     * A client that opens one page more than a session may keep (the app's default) without leaving any:
     * the first page is closed (its next request is told its page is gone) and the newest still answers.
     */
    static boolean pagesBeyondTheLimitCloseTheOldest(String url) throws InterruptedException {
        try (UidlConnection tab = new UidlConnection(HttpClient.newHttpClient(), url, false, UidlConnection.newStorage())) {
            if (!tab.open("").ok()) {
                return false;
            }
            int first = tab.uiId();
            String firstBody = tab.body(List.of(), tab.csrfToken(), tab.clientId());
            for (int page = 1; page <= DEFAULT_PAGES_PER_SESSION; page++) {
                if (!tab.open("").ok()) {
                    return false;
                }
            }
            boolean firstClosed = !tab.sendRaw(firstBody, "application/json; charset=UTF-8", first).ok();
            return firstClosed && tab.send(List.of()).ok();
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean healthy(String url) throws InterruptedException {
        try {
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            return health.statusCode() == 200 && health.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        }
    }

    private HttpFuzzMain() {
    }
}
