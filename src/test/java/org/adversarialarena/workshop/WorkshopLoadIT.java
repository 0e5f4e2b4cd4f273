package org.adversarialarena.workshop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.adversarialarena.base.live.Subscription;
import org.adversarialarena.catalog.ModelCatalog;
import org.adversarialarena.fool.Challenge;
import org.adversarialarena.fool.FoolLevel;
import org.adversarialarena.fool.FoolService;
import org.adversarialarena.ml.attack.GradientAttack;
import org.adversarialarena.ml.attack.Norm;
import org.adversarialarena.ml.data.DatasetId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A service-level load driver, not a regular test (run with {@code -Dworkshop.load=true}): three
 * workshops at once with 100 simulated students each, driven by a pool of threads straight against
 * the services (no Vaadin, no browser): join, get the round's challenge, ten strokes each (Fool's live
 * probe, what a stroke costs the server), one submission each (judged, recorded, the run locked and
 * announced); then how long the last submission's announcement takes to reach all 102 followers of
 * its run (one per screen: the live path every screen takes, without Vaadin's render and push) and how
 * long the reveal takes to compute. Writes target/workshop-load.txt.
 */
@SpringBootTest
@EnabledIfSystemProperty(named = "workshop.load", matches = "true")
class WorkshopLoadIT {

    private static final int WORKSHOPS = 3;
    private static final int STUDENTS = 100;
    /** Each student's page, the projector and the host console. */
    private static final int SCREENS = STUDENTS + 2;
    private static final int STROKES = 10;
    private static final int THREADS = 16;

    @Autowired
    WorkshopService workshops;

    @Autowired
    FoolService fool;

    @Autowired
    ModelCatalog models;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void threeWorkshopsOfAHundredStudentsPlayOneRoundEach() throws Exception {
        String email = "load-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        jdbc.update("insert into account (email, display_name, role, status, created_at, updated_at)"
                + " values (?, 'Load', 'INSTRUCTOR', 'ACTIVE', now(), now())", email);
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(email,
                null, List.of(new SimpleGrantedAuthority("ROLE_INSTRUCTOR"))));
        long[] runs = new long[WORKSHOPS];
        String[] codes = new String[WORKSHOPS];
        for (int w = 0; w < WORKSHOPS; w++) {
            runs[w] = workshops.open(workshops.save(new Plan(null, "Load " + w, true, LeaderboardShown.AFTER_EACH_ROUND,
                    false, List.of(new RoundSettings(FoolLevel.FAINT_TOUCH, DatasetId.MNIST, true, 600, true)))));
            codes[w] = workshops.hostState(runs[w]).code();
        }
        int students = WORKSHOPS * STUDENTS;
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "Workshop load: %d workshops at once, %d students each, %d strokes each, %d screens following each run,"
                        + " %d threads, %d cores%n", WORKSHOPS, STUDENTS, STROKES, SCREENS, THREADS,
                Runtime.getRuntime().availableProcessors()));

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Subscription> screens = new ArrayList<>();
        try {
            // a class behind one NAT address per workshop
            long[] seats = new long[students];
            double[] joins = timed(pool, students, i -> seats[i] = workshops.join(new JoinRequest(codes[i / STUDENTS],
                    "student-" + i, null, null, "load-session-" + i, "10.0.0." + (i / STUDENTS + 1))).seatId());
            report.append(line("join", joins));

            for (long run : runs) {
                workshops.startNextRound(run);
            }
            Challenge[] challenges = new Challenge[students];
            double[] issue = timed(pool, students, i -> challenges[i] = workshops.challenge(seats[i]).orElseThrow());
            report.append(line("first challenge (issue)", issue));

            float[][] foolingOf = new float[WORKSHOPS][];
            for (int w = 0; w < WORKSHOPS; w++) {
                Challenge challenge = challenges[w * STUDENTS];
                foolingOf[w] = GradientAttack.pgd(Norm.LINF, 0.3f, 40).toTheEnd().attack(
                        models.classifier(FoolLevel.FAINT_TOUCH.judgingModel(DatasetId.MNIST)), challenge.original(),
                        challenge.goal()).adversarial();
            }
            double[] strokes = timed(pool, students * STROKES, k -> {
                Challenge challenge = challenges[k / STROKES];
                float[] edit = challenge.original().clone();
                edit[k % edit.length] = Math.min(1f, edit[k % edit.length] + 0.2f);
                fool.probe(challenge, edit);
            });
            report.append(line("stroke (Fool probe)", strokes));

            // every screen of a run (each student's page, the projector, the host console) follows it
            long[][] closedSeenAt = new long[WORKSHOPS][SCREENS];
            CountDownLatch allScreensClosed = new CountDownLatch(WORKSHOPS * SCREENS);
            for (int w = 0; w < WORKSHOPS; w++) {
                for (int screen = 0; screen < SCREENS; screen++) {
                    long[] seen = closedSeenAt[w];
                    int index = screen;
                    screens.add(workshops.follow(runs[w], state -> {
                        if (state.phase() == Phase.CLOSED && seen[index] == 0) {
                            seen[index] = System.nanoTime();
                            allScreensClosed.countDown();
                        }
                    }));
                }
            }
            long[] lastSubmitDone = new long[WORKSHOPS];
            double[] submits = timed(pool, students, i -> {
                int w = i / STUDENTS;
                Challenge challenge = challenges[i];
                workshops.submit(seats[i], i % 2 == 0 ? foolingOf[w] : challenge.original());
                long done = System.nanoTime();
                synchronized (lastSubmitDone) {
                    lastSubmitDone[w] = Math.max(lastSubmitDone[w], done);
                }
            });
            report.append(line("submission (judge + record + announce)", submits));
            assertThat(allScreensClosed.await(60, TimeUnit.SECONDS)).as("the last submission closes each round").isTrue();
            for (int w = 0; w < WORKSHOPS; w++) {
                long last = Arrays.stream(closedSeenAt[w]).max().orElseThrow();
                report.append(String.format(Locale.ROOT,
                        "workshop %d: last submission returned → all %d followers saw the round closed: %.1f ms%n", w + 1,
                        SCREENS, (last - lastSubmitDone[w]) / 1e6));
            }

            double[] reveal = new double[5];
            for (int i = 0; i < reveal.length; i++) {
                long start = System.nanoTime();
                Reveal shown = workshops.reveal(runs[i % WORKSHOPS], 0);
                reveal[i] = (System.nanoTime() - start) / 1e6;
                assertThat(shown.submitted()).isEqualTo(STUDENTS);
                assertThat(shown.fooled()).isEqualTo(STUDENTS / 2);
            }
            report.append(line("reveal (100 submissions)", reveal));
        } finally {
            screens.forEach(Subscription::close);
            pool.shutdownNow();
            SecurityContextHolder.clearContext();
        }
        report.append("Load average: ").append(Files.readString(Path.of("/proc/loadavg")).trim()).append('\n');
        System.out.print(report);
        write(report.toString());
    }

    private interface Task {
        void run(int index) throws Exception;
    }

    /** Runs {@code count} tasks on the pool; each one's duration in milliseconds, sorted. */
    private static double[] timed(ExecutorService pool, int count, Task task) throws Exception {
        double[] millis = new double[count];
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int index = i;
            futures.add(pool.submit(() -> {
                long start = System.nanoTime();
                task.run(index);
                millis[index] = (System.nanoTime() - start) / 1e6;
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        Arrays.sort(millis);
        return millis;
    }

    private static String line(String what, double[] sorted) {
        return String.format(Locale.ROOT, "%-40s n=%4d  p50 %7.1f ms  p95 %7.1f ms  max %7.1f ms%n", what, sorted.length,
                sorted[(int) (sorted.length * 0.5)], sorted[Math.min(sorted.length - 1, (int) (sorted.length * 0.95))],
                sorted[sorted.length - 1]);
    }

    private static void write(String report) throws IOException {
        Path out = Path.of("target", "workshop-load.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }
}
