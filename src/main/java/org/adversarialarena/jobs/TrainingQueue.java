package org.adversarialarena.jobs;

import java.util.List;
import org.adversarialarena.account.AccountRole;
import org.adversarialarena.account.AccountService;
import org.adversarialarena.account.AccountStatus;
import org.adversarialarena.account.AccountSummary;
import org.adversarialarena.audit.AuditLog;
import org.adversarialarena.audit.AuditType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The admin's view of the queue: every queued, running and paused run of every owner, which the admin
 * may cancel or move up and down. Method security admits the ADMIN role; each call also reads the
 * caller's account from the database and refuses unless it is an active admin now (a role taken away
 * since signing in counts), and each change is audited.
 */
@Service
public class TrainingQueue {

    public static final int MIN_PRIORITY = -9;
    public static final int MAX_PRIORITY = 9;
    private static final String ADMIN = "hasRole('ADMIN')";

    private final TrainingRunService runs;
    private final AccountService accounts;
    private final AuditLog audit;

    TrainingQueue(TrainingRunService runs, AccountService accounts, AuditLog audit) {
        this.runs = runs;
        this.accounts = accounts;
        this.audit = audit;
    }

    /** Running runs, then the waiting ones in the order workers take them, then the paused ones. */
    @PreAuthorize(ADMIN)
    public List<QueuedRun> runs() {
        requireActiveAdmin();
        return runs.queue();
    }

    /**
     * Cancels any owner's unfinished run (a running one stops before its next step).
     *
     * @throws RunRefusedException if the run is over already or unknown
     */
    @PreAuthorize(ADMIN)
    public void cancel(long runId) {
        requireActiveAdmin();
        requireUnfinished(runId);
        if (!runs.cancel(runId)) {
            throw notInQueue(runId);
        }
        audit.record(AuditType.TRAINING_RUN_CANCELLED, "training run " + runId, null);
    }

    /**
     * Gives an unfinished run a priority: a waiting run moves in the queue at once; a running or paused
     * one keeps it for when it waits again (after a pause, a retry or a hand-over).
     *
     * @throws RunRefusedException for a priority out of range, or a run that is over or unknown
     */
    @PreAuthorize(ADMIN)
    public void reprioritise(long runId, int priority) {
        requireActiveAdmin();
        if (priority < MIN_PRIORITY || priority > MAX_PRIORITY) {
            throw new RunRefusedException("jobs.refused.priority-range", "A priority lies between " + MIN_PRIORITY
                    + " and " + MAX_PRIORITY + ", was " + priority, MIN_PRIORITY, MAX_PRIORITY);
        }
        requireUnfinished(runId);
        if (!runs.reprioritise(runId, priority)) {
            throw notInQueue(runId);
        }
        audit.record(AuditType.TRAINING_RUN_REPRIORITISED, "training run " + runId, "priority " + priority);
    }

    private void requireUnfinished(long runId) {
        if (runs.find(runId).map(run -> run.status().isFinal()).orElse(true)) {
            throw notInQueue(runId);
        }
    }

    private static RunRefusedException notInQueue(long runId) {
        return new RunRefusedException("jobs.refused.not-in-queue", "Run " + runId + " is not in the queue any more",
                Long.toString(runId));
    }

    private void requireActiveAdmin() {
        AccountSummary me = accounts.me();
        if (me.role() != AccountRole.ADMIN || me.status() != AccountStatus.ACTIVE) {
            throw new RunRefusedException("jobs.refused.not-admin", "Only an active admin manages the queue");
        }
    }
}
