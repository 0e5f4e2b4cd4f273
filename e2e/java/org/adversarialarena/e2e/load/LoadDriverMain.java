package org.adversarialarena.e2e.load;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The load driver's command line (docs/reliability.md): runs virtual players against an app it starts
 * (or {@code --url}) and prints one summary line, then the first errors and the app's memory samples.
 * Exits 1 if there were errors or an accepted submission is missing from the database.
 *
 * <pre>--players 100 --seconds 180 --fool-share 0.5 --ramp-up 20 --stroke-ms 300 --submit-every 20
 * --no-push --seed 24 --url http://127.0.0.1:8080/ --jdbc jdbc:postgresql://…?user=…&amp;password=… --app-pid N
 * --db-outage-at 60 --db-outage-for 45</pre>
 */
public final class LoadDriverMain {

    public static void main(String[] args) throws InterruptedException {
        LoadDriver.Options o = new LoadDriver.Options();
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--players" -> o.players = Integer.parseInt(value);
                case "--seconds" -> o.duration = Duration.ofSeconds(Long.parseLong(value));
                case "--url" -> o.url = Optional.of(value);
                case "--jdbc" -> o.jdbcUrl = Optional.of(value);
                case "--app-pid" -> o.appPid = Long.parseLong(value);
                case "--fool-share" -> o.foolShare = Double.parseDouble(value);
                case "--ramp-up" -> o.rampUp = Duration.ofSeconds(Long.parseLong(value));
                case "--stroke-ms" -> o.strokeEvery = Duration.ofMillis(Long.parseLong(value));
                case "--submit-every" -> o.submitEvery = Duration.ofSeconds(Long.parseLong(value));
                case "--seed" -> o.seed = Long.parseLong(value);
                case "--browsers" -> o.browsers = Integer.parseInt(value);
                case "--log-dir" -> o.logDir = Path.of(value);
                case "--db-outage-at" -> o.dbOutageAt = Optional.of(Duration.ofSeconds(Long.parseLong(value)));
                case "--db-outage-for" -> o.dbOutageFor = Duration.ofSeconds(Long.parseLong(value));
                case "--kill-app-at" -> o.killAppAt = Optional.of(Duration.ofSeconds(Long.parseLong(value)));
                case "--no-push" -> {
                    o.push = false;
                    continue;
                }
                default -> throw new IllegalArgumentException("Unknown option " + args[i] + " (see LoadDriverMain)");
            }
            i++;
        }
        LoadDriver.Report report = LoadDriver.run(o);
        System.out.println(report.summary());
        report.metrics().firstErrors().forEach(error -> System.out.println("  error: " + error));
        report.metrics().refusals.forEach((said, count) -> System.out.println("  refused " + count + "×: " + said));
        report.appSamples().forEach(sample -> System.out.println("  app t=" + sample.second() + "s rss="
                + sample.rssMib() + "MiB cpu=" + sample.cpuSeconds() + "s"));
        LoadMetrics m = report.metrics();
        // a submission whose answer the kill cut off may be stored (and its player told on return) or not
        long unanswered = o.killAppAt.isPresent() ? m.submitsLost.get() : 0;
        boolean lost = report.stored() >= 0 && (report.stored() < m.accepted.get()
                || report.stored() > m.accepted.get() + unanswered);
        // in a database-outage run, errors are expected while it lasts (a kill run counts its own apart);
        // nothing accepted may be lost either way
        boolean failed = lost || report.duplicateForgeries() > 0 || o.dbOutageAt.isEmpty() && m.errors.get() > 0;
        System.exit(failed ? 1 : 0);
    }

    private LoadDriverMain() {
    }
}
