package org.adversarialarena.e2e.load;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.adversarialarena.e2e.AppNode;
import org.adversarialarena.e2e.BrowserProbe;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A whole load run: an app started for it on a loopback port (its own JVM, with an embedded
 * PostgreSQL owned by the driver, so the driver can count what was stored), or a running app at a
 * given URL; the virtual players; the app's memory and CPU sampled meanwhile; and afterwards the
 * submissions stored in PostgreSQL, compared with the ones the players saw accepted.
 */
final class LoadDriver {

    /** After the app is back, failures of pages still reopening count as the kill's. */
    private static final Duration PAGES_REOPENING = Duration.ofSeconds(30);

    /** Options of a run, with the defaults of the short CI form; {@code url} empty: start an app for it. */
    static final class Options {
        Optional<String> url = Optional.empty();
        Optional<String> jdbcUrl = Optional.empty();
        long appPid = -1;
        int players = 20;
        double foolShare = 0.5;
        Duration duration = Duration.ofSeconds(30);
        Duration rampUp = Duration.ofSeconds(10);
        Duration strokeEvery = Duration.ofMillis(300);
        Duration submitEvery = Duration.ofSeconds(20);
        boolean push = true;
        long seed = 24;
        Path logDir = Path.of("target", "load");
        /** A fault: from this moment of the run the database refuses every connection, for {@link #dbOutageFor}. */
        Optional<Duration> dbOutageAt = Optional.empty();
        Duration dbOutageFor = Duration.ofSeconds(45);
        /** A fault: at this moment of the run the app is killed ({@code kill -9}) and started again. */
        Optional<Duration> killAppAt = Optional.empty();
        /** Real Chromium pages playing Fool beside the virtual players, from the start of the run. */
        int browsers;
    }

    /** What a run measured. */
    record Report(Options options, LoadMetrics metrics, long storedFool, long storedForge, long duplicateForgeries,
            List<ProcessSampler.Sample> appSamples, double driverCpuSeconds, String loadBefore, String loadAfter,
            Duration elapsed, Optional<BrowserProbe.Result> browsers) {

        long stored() {
            return storedFool + storedForge;
        }

        String summary() {
            LoadMetrics m = metrics;
            long rssFirst = appSamples.isEmpty() ? -1 : appSamples.getFirst().rssMib();
            long rssMax = appSamples.stream().mapToLong(ProcessSampler.Sample::rssMib).max().orElse(-1);
            long rssLast = appSamples.isEmpty() ? -1 : appSamples.getLast().rssMib();
            double appCpu = appSamples.size() < 2 ? Double.NaN
                    : (appSamples.getLast().cpuSeconds() - appSamples.getFirst().cpuSeconds())
                            / Math.max(1, appSamples.getLast().second() - appSamples.getFirst().second());
            return String.format(Locale.ROOT,
                    "LOAD players=%d (fool %d, forge %d) started=%d seconds=%d strokes=%d answered=%d "
                            + "stroke p50=%.1fms p95=%.1fms p99=%.1fms max=%.1fms errors=%d submits=%d accepted=%d "
                            + "(fool %d, forge %d) refused=%d stored=%d (fool %d, forge %d) duplicates=%d "
                            + "submit p95=%.1fms pushed=%d pushRetries=%d appRssMiB=%d/%d/%d (first/max/last) appCpu=%.0f%% "
                            + "driverCpu=%.0f%% load=%s -> %s%s",
                    options.players, Math.round(options.players * options.foolShare),
                    options.players - Math.round(options.players * options.foolShare), m.playersStarted.get(),
                    elapsed.toSeconds(), m.strokesSent.get(), m.strokesAnswered.get(), m.strokeMillis(50),
                    m.strokeMillis(95), m.strokeMillis(99), m.strokeMillis(100), m.errors.get(), m.submitsSent.get(),
                    m.accepted.get(), m.acceptedFool.get(), m.acceptedForge.get(), m.refused.get(), stored(),
                    storedFool, storedForge, duplicateForgeries, m.submitMillis(95), m.pushed.get(), m.pushRetries.get(), rssFirst, rssMax,
                    rssLast, appCpu * 100, driverCpuSeconds / Math.max(1, elapsed.toSeconds()) * 100, loadBefore,
                    loadAfter, options.dbOutageAt.map(at -> " dbOutage=" + at.toSeconds() + "s+" + options.dbOutageFor
                            .toSeconds() + "s toldDatabaseAway=" + m.toldDatabaseAway.get()).orElse(""))
                    + options.killAppAt.map(at -> " appKilled=" + at.toSeconds() + "s interrupted=" + m.interrupted.get()
                            + " pagesReopened=" + m.resumed.get() + " submitsLost=" + m.submitsLost.get()
                            + " toldUnseenResult=" + m.toldUnseen.get()).orElse("")
                    + browsers.map(b -> String.format(Locale.ROOT,
                            " browsers=%d (failed %d) browserStrokes=%d browserReports=%d browser report p50=%.1fms "
                                    + "p95=%.1fms p99=%.1fms, driver's fool strokes p50=%.1fms p95=%.1fms p99=%.1fms",
                            options.browsers, b.failedPages(), b.strokes(), b.reportMillis().length, b.percentile(50),
                            b.percentile(95), b.percentile(99), m.foolStrokeMillis(50), m.foolStrokeMillis(95),
                            m.foolStrokeMillis(99))).orElse("");
        }
    }

    /** Properties of an app started for a load run: every player comes from 127.0.0.1. */
    static Map<String, String> appProperties(String jdbcUrl) {
        Map<String, String> properties = new HashMap<>();
        properties.put("spring.datasource.url", jdbcUrl);
        properties.put("spring.datasource.username", "postgres");
        properties.put("spring.datasource.password", "postgres");
        // a class behind one address: the default (200 new players per 10 minutes) is below a 300-player run
        properties.put("arena.players.joins-per-address", "100000");
        return properties;
    }

    static Report run(Options options) throws InterruptedException {
        if (options.url.isPresent()) {
            return measure(options, options.url.get(), options.appPid,
                    options.jdbcUrl.map(url -> new JdbcTemplate(
                            new org.springframework.jdbc.datasource.DriverManagerDataSource(url))), Optional.empty());
        }
        AtomicReference<AppNode> restarted = new AtomicReference<>();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                AppNode app = AppNode.start("load", options.logDir,
                        appProperties(postgres.getJdbcUrl("postgres", "postgres")))) {
            UidlConnection.waitUntilServing(app.url("/"), AppNode.FRONTEND_READY);
            Optional<Consumer<LoadMetrics>> fault = options.dbOutageAt
                    .<Consumer<LoadMetrics>>map(at -> metrics -> databaseOutage(postgres, at, options.dbOutageFor))
                    .or(() -> options.killAppAt.map(at -> metrics -> restarted.set(killAndRestart(app, at, metrics,
                            options.logDir, postgres))));
            // the killed app's process is gone: its memory is not sampled in a kill run
            return measure(options, app.url("/"), options.killAppAt.isPresent() ? -1 : app.pid(),
                    Optional.of(new JdbcTemplate(postgres.getPostgresDatabase())), fault);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (restarted.get() != null) {
                restarted.get().close();
            }
        }
    }

    /**
     * The app killed as {@code kill -9} would, under load, then started again on its port and database:
     * its players' pages fail, and they open them again as the same players once it answers.
     */
    private static @Nullable AppNode killAndRestart(AppNode app, Duration at, LoadMetrics metrics, Path logDir,
            EmbeddedPostgres postgres) {
        try {
            Thread.sleep(at);
            metrics.faultBegins();
            app.kill();
            System.out.println("fault: the app was killed; starting it again");
            long down = System.nanoTime();
            AppNode again = AppNode.start("load-restarted", logDir, appProperties(postgres.getJdbcUrl("postgres",
                    "postgres")), app.port);
            metrics.faultOverIn(PAGES_REOPENING);
            System.out.printf(Locale.ROOT, "fault: the app answers again after %.1f s%n",
                    (System.nanoTime() - down) / 1e9);
            return again;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Runs the players, then (once a fault, if any, is over) counts what was stored. */
    private static Report measure(Options options, String url, long appPid, Optional<JdbcTemplate> jdbc,
            Optional<Consumer<LoadMetrics>> faultToRun) throws InterruptedException {
        String prefix = "ld" + Long.toString(System.currentTimeMillis() % 1_000_000, 36) + "-";
        LoadRun run = new LoadRun(new LoadRun.Plan(url, options.players, options.foolShare, options.duration,
                options.rampUp, options.strokeEvery, options.submitEvery, options.push, options.seed, prefix));
        Optional<Thread> fault = faultToRun.map(toRun -> Thread.ofVirtual().start(() -> toRun.accept(run.metrics)));
        String loadBefore = ProcessSampler.loadAverage();
        double driverCpuBefore = ProcessSampler.cpuSeconds(ProcessHandle.current().pid());
        long start = System.nanoTime();
        LoadMetrics metrics;
        List<ProcessSampler.Sample> samples = List.of();
        Optional<BrowserProbe> probe = options.browsers > 0
                ? Optional.of(BrowserProbe.start(url.endsWith("/") ? url : url + "/", options.browsers,
                        options.strokeEvery, prefix + "b"))
                : Optional.empty();
        if (appPid > 0) {
            try (ProcessSampler sampler = new ProcessSampler(appPid, Duration.ofSeconds(10))) {
                metrics = run.run();
                sampler.sample();
                samples = sampler.samples();
            }
        } else {
            metrics = run.run();
        }
        Optional<BrowserProbe.Result> browsers = probe.map(BrowserProbe::stop);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        if (fault.isPresent()) {
            fault.get().join();
        }
        double driverCpu = ProcessSampler.cpuSeconds(ProcessHandle.current().pid()) - driverCpuBefore;
        long fool = jdbc.map(db -> count(db, "select count(*) from fool_attempt a join player p on p.id = a.player_id "
                + "where p.nickname like ?", prefix)).orElse(-1L);
        long forge = jdbc.map(db -> count(db, "select count(*) from forgery f join player p on p.id = f.player_id "
                + "where p.nickname like ?", prefix)).orElse(-1L);
        // one submission stored twice: the same player's same image twice within the 2 s no submission may follow
        // another in (a player may well submit the same drawing again later)
        long duplicates = jdbc.map(db -> count(db, "select count(*) from forgery a join forgery b on b.player_id = "
                + "a.player_id and b.id > a.id and md5(b.png) = md5(a.png) and b.created_at - a.created_at < interval "
                + "'2 seconds' join player p on p.id = a.player_id where p.nickname like ?", prefix)).orElse(-1L);
        return new Report(options, metrics, fool, forge, duplicates, samples, driverCpu, loadBefore,
                ProcessSampler.loadAverage(), elapsed, browsers);
    }

    /**
     * The database away, as the app sees a stopped server: every connection terminated and new ones
     * refused (through the maintenance database, which stays open), then accepted again.
     */
    private static void databaseOutage(EmbeddedPostgres postgres, Duration at, Duration lasting) {
        JdbcTemplate maintenance = new JdbcTemplate(postgres.getDatabase("postgres", "template1"));
        try {
            Thread.sleep(at);
            System.out.println("fault: the database refuses connections for " + lasting.toSeconds() + " s");
            maintenance.execute("alter database postgres allow_connections false");
            maintenance.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = 'postgres'"
                    + " and pid <> pg_backend_pid()");
            Thread.sleep(lasting);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            maintenance.execute("alter database postgres allow_connections true");
            System.out.println("fault: the database accepts connections again");
        }
    }

    private static long count(JdbcTemplate jdbc, String sql, String prefix) {
        Long counted = jdbc.queryForObject(sql, Long.class, prefix + "%");
        return counted == null ? 0 : counted;
    }

    private LoadDriver() {
    }
}
