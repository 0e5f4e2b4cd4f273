package org.adversarialarena.jobs;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.adversarialarena.Application;
import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.ml.data.Datasets;
import org.adversarialarena.ml.data.ImageSet;
import org.adversarialarena.ml.fastpath.FastPath;
import org.adversarialarena.ml.gan.GanArchitecture;
import org.adversarialarena.ml.gan.GanTrainer;
import org.adversarialarena.ml.gan.GanTrainingOptions;
import org.adversarialarena.ml.train.Cancellation;
import org.adversarialarena.ml.train.TrainingListener;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The job's training loop against the bare trainer, in one JVM, alternating: N iterations of the
 * benchmark's GAN (MLP, batch 64, the defaults) through {@link GanTrainer} alone, then N through
 * {@link GanRunJob} with everything a run does (stop flags checked before every step and polled from
 * the database, progress rows, checkpoints at the default interval, the final checkpoint), on an
 * embedded PostgreSQL.
 * <pre>java ... org.adversarialarena.jobs.JobLoopSpeedMain [iterations per round, 1000] [rounds, 3]</pre>
 */
public final class JobLoopSpeedMain {

    private JobLoopSpeedMain() {
    }

    public static void main(String[] args) {
        FastPath.install();
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class)
                .web(WebApplicationType.NONE)
                // As arguments, which win over application.properties (default properties would not).
                // No web server: Vaadin's auto-configuration needs one, and nothing here serves pages.
                .run("--arena.jobs.worker=false", "--arena.embedded-db.ephemeral=true", "--arena.jobs.max-steps=1000000",
                        "--spring.autoconfigure.exclude=com.vaadin.flow.spring.SpringBootAutoConfiguration,"
                                + "com.vaadin.flow.spring.SpringSecurityAutoConfiguration")) {
            TrainingRunStore store = context.getBean(TrainingRunStore.class);
            RunningJobs running = context.getBean(RunningJobs.class);
            GanRunJob job = context.getBean(GanRunJob.class);
            JobsProperties properties = context.getBean(JobsProperties.class);
            ImageSet real = Datasets.load(DatasetId.MNIST).train();
            GanTrainingOptions options = GanTrainingOptions.defaults(GanArchitecture.MLP, iterations, 1);
            GanRunSettings settings = GanRunSettings.parse(java.util.Map.of("steps", iterations));
            if (!settings.toOptions().equals(options)) {
                throw new IllegalStateException("The job's defaults differ from the benchmark's: " + settings.toOptions());
            }
            System.out.printf(Locale.ROOT, "checkpoint every %d, %d iterations per round%n", properties.checkpointEvery(),
                    iterations);
            bare(real, options);
            List<Double> bare = new ArrayList<>();
            List<Double> throughJob = new ArrayList<>();
            List<Double> bareCpu = new ArrayList<>();
            List<Double> jobCpu = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                long cpu = processCpuNanos();
                bare.add(bare(real, options));
                bareCpu.add(iterations / ((processCpuNanos() - cpu) / 1e9));
                cpu = processCpuNanos();
                throughJob.add(throughJob(store, running, job, settings));
                jobCpu.add(iterations / ((processCpuNanos() - cpu) / 1e9));
                System.out.printf(Locale.ROOT, "round %d: bare %.1f it/s, job %.1f it/s; per CPU second: bare %.1f, job %.1f%n",
                        round, bare.getLast(), throughJob.getLast(), bareCpu.getLast(), jobCpu.getLast());
            }
            System.out.printf(Locale.ROOT, "median bare %.1f it/s, job %.1f it/s, ratio %.3f%n", median(bare),
                    median(throughJob), median(throughJob) / median(bare));
            System.out.printf(Locale.ROOT, "per CPU second of this JVM: median bare %.1f, job %.1f, ratio %.3f%n",
                    median(bareCpu), median(jobCpu), median(jobCpu) / median(bareCpu));
        }
    }

    private static double bare(ImageSet real, GanTrainingOptions options) {
        long start = System.nanoTime();
        new GanTrainer(TrainingListener.none(), Cancellation.none())
                .continueTraining(GanTrainer.newGan(DatasetId.MNIST, options), real, options);
        return options.iterations() / ((System.nanoTime() - start) / 1e9);
    }

    private static double throughJob(TrainingRunStore store, RunningJobs running, GanRunJob job,
            GanRunSettings settings) {
        long id = store.submit(RunOwner.system(), RunKind.GAN, settings.toJson(), settings.steps(), 1);
        int attempt = store.claim(id, "speed-main").orElseThrow();
        TrainingRun run = store.find(id).orElseThrow();
        long start = System.nanoTime();
        StepGuard guard = running.guard(id, attempt, () -> false);
        RunStatus ended;
        try {
            ended = job.train(run, guard);
        } finally {
            running.release(guard);
        }
        double perSecond = settings.steps() / ((System.nanoTime() - start) / 1e9);
        if (ended != RunStatus.FINISHED) {
            throw new IllegalStateException("The measured run ended " + ended);
        }
        return perSecond;
    }

    /**
     * CPU time of every thread of this JVM (training, the checkpoint writer, JDBC, GC): on a machine that
     * others load, the work a loop costs is steadier than its wall-clock speed. The database's own
     * processes are outside it.
     */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
