package org.adversarialarena.jobs;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The job engine's settings (docs/jobs.md has the defaults' reasons).
 *
 * @param worker          this node trains (a web-only node sets false and only queues runs)
 * @param gpu             this node has a GPU that ND4J's CUDA backend can use
 * @param checkpointEvery iterations between two checkpoints of a running run
 * @param keepCheckpoints checkpoints kept per run (older ones are deleted)
 * @param runningPerOwner runs one owner may have queued or running at once
 * @param maxSteps        most iterations one run may ask for
 * @param maxRetries      tries after a failure before a run is marked failed
 * @param retryBackoff    wait before the first retry; it doubles with every further one
 * @param lossCeiling     a loss (or G's error signal) beyond this counts as exploding: the run diverged
 * @param signalPoll      how often a running job rereads its stop flags (a stop asked on its own node is seen at once)
 * @param holdTimeout     a run held for single steps with none ordered for this long pauses and frees its worker
 * @param runningPerAccount runs an account (an instructor) may have queued or running at once
 * @param maxStepsPerAccountRun most iterations an account's run may ask for
 * @param shortThreads    threads of this worker's short lane (competition evaluations), beside the training threads
 * @param shortPollingInterval how often the short lane looks for due jobs
 */
@ConfigurationProperties("arena.jobs")
public record JobsProperties(@DefaultValue("true") boolean worker, @DefaultValue("false") boolean gpu,
        @DefaultValue("500") int checkpointEvery, @DefaultValue("2") int keepCheckpoints,
        @DefaultValue("1") int runningPerOwner, @DefaultValue("20000") int maxSteps,
        @DefaultValue("3") int maxRetries, @DefaultValue("30s") Duration retryBackoff,
        @DefaultValue("1e6") double lossCeiling, @DefaultValue("100ms") Duration signalPoll,
        @DefaultValue("2m") Duration holdTimeout, @DefaultValue("3") int runningPerAccount,
        @DefaultValue("100000") int maxStepsPerAccountRun, @DefaultValue("1") int shortThreads,
        @DefaultValue("500ms") Duration shortPollingInterval) {

    public JobsProperties {
        if (checkpointEvery < 1 || keepCheckpoints < 1 || runningPerOwner < 1 || maxSteps < 1 || maxRetries < 0
                || runningPerAccount < 1 || maxStepsPerAccountRun < 1 || holdTimeout.isNegative() || shortThreads < 1) {
            throw new IllegalArgumentException("arena.jobs.* counts must be positive (max-retries may be 0)");
        }
        if (retryBackoff.isNegative() || !(lossCeiling > 0) || signalPoll.toMillis() < 1
                || shortPollingInterval.toMillis() < 1) {
            throw new IllegalArgumentException("arena.jobs.retry-backoff must not be negative, loss-ceiling must be > 0,"
                    + " signal-poll and short-polling-interval at least 1 ms");
        }
    }

    /** Runs {@code owner} may have queued or running at once: players (students) one, accounts (instructors) more. */
    int runningAllowed(RunOwner owner) {
        return owner.accountId() != null ? runningPerAccount : runningPerOwner;
    }

    int stepsAllowed(RunOwner owner) {
        return owner.accountId() != null ? maxStepsPerAccountRun : maxSteps;
    }
}
