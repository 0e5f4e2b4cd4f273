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
import java.util.concurrent.atomic.AtomicLong;
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
 * A service-level load driver, not a regular test (run with {@code -Dworkshop.load=true}): 100
 * simulated students in one workshop, driven by a pool of threads straight against the services (no
 * Vaadin, no browser): join, get the round's challenge, ten strokes each (Fool's live probe, what a
 * stroke costs the server), one submission each (judged, recorded, the run locked and announced);
 * then how long the last submission's announcement takes to reach a follower of the run (the live
 * path every screen takes) and how long the reveal takes to compute. Writes target/workshop-load.txt.
 */
@SpringBootTest
@EnabledIfSystemProperty(named = "workshop.load", matches = "true")
class WorkshopLoadIT {

    private static final int STUDENTS = 100;
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
    void aHundredStudentsPlayOneRound() throws Exception {
        String email = "load-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        jdbc.update("insert into account (email, display_name, role, status, created_at, updated_at)"
                + " values (?, 'Load', 'INSTRUCTOR', 'ACTIVE', now(), now())", email);
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(email,
                null, List.of(new SimpleGrantedAuthority("ROLE_INSTRUCTOR"))));
        long run = workshops.open(workshops.save(new Plan(null, "Load", true, LeaderboardShown.AFTER_EACH_ROUND, false,
                List.of(new RoundSettings(FoolLevel.FAINT_TOUCH, DatasetId.MNIST, true, 600, true)))));
        String code = workshops.hostState(run).code();
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "Workshop load: %d students, %d strokes each, %d threads, %d cores%n", STUDENTS, STROKES, THREADS,
                Runtime.getRuntime().availableProcessors()));

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            long[] seats = new long[STUDENTS];
            double[] joins = timed(pool, STUDENTS, i -> seats[i] = workshops.join(new JoinRequest(code, "student-" + i, null,
                    null, "load-session-" + i, "10.0.0.1")).seatId());
            report.append(line("join", joins));

            workshops.startNextRound(run);
            Challenge[] challenges = new Challenge[STUDENTS];
            double[] issue = timed(pool, STUDENTS, i -> challenges[i] = workshops.challenge(seats[i]).orElseThrow());
            report.append(line("first challenge (issue)", issue));

            float[] original = challenges[0].original();
            float[] fooling = GradientAttack.pgd(Norm.LINF, 0.3f, 40).toTheEnd().attack(
                    models.classifier(FoolLevel.FAINT_TOUCH.judgingModel(DatasetId.MNIST)), original,
                    challenges[0].goal()).adversarial();
            double[] strokes = timed(pool, STUDENTS * STROKES, k -> {
                float[] edit = original.clone();
                edit[k % edit.length] = Math.min(1f, edit[k % edit.length] + 0.2f);
                fool.probe(challenges[k / STROKES], edit);
            });
            report.append(line("stroke (Fool probe)", strokes));

            AtomicLong closedSeenAt = new AtomicLong();
            CountDownLatch closed = new CountDownLatch(1);
            Subscription following = workshops.follow(run, state -> {
                if (state.phase() == Phase.CLOSED && closedSeenAt.compareAndSet(0, System.nanoTime())) {
                    closed.countDown();
                }
            });
            AtomicLong lastSubmitDone = new AtomicLong();
            double[] submits = timed(pool, STUDENTS, i -> {
                workshops.submit(seats[i], i % 2 == 0 ? fooling : original);
                lastSubmitDone.accumulateAndGet(System.nanoTime(), Math::max);
            });
            report.append(line("submission (judge + record + announce)", submits));
            assertThat(closed.await(30, TimeUnit.SECONDS)).as("the last submission closes the round").isTrue();
            following.close();
            report.append(String.format(Locale.ROOT, "last submission returned → follower saw the round closed: %.1f ms%n",
                    (closedSeenAt.get() - lastSubmitDone.get()) / 1e6));

            double[] reveal = new double[5];
            for (int i = 0; i < reveal.length; i++) {
                long start = System.nanoTime();
                Reveal shown = workshops.reveal(run, 0);
                reveal[i] = (System.nanoTime() - start) / 1e6;
                assertThat(shown.submitted()).isEqualTo(STUDENTS);
                assertThat(shown.fooled()).isEqualTo(STUDENTS / 2);
            }
            report.append(line("reveal (100 submissions)", reveal));
        } finally {
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
