package org.adversarialarena.jobs;

/**
 * The worker thread was interrupted (its node is going down hard): the job stops without writing,
 * the run's failure count is left alone, and the queue hands the run to a node later.
 */
class WorkerInterruptedException extends RuntimeException {

    WorkerInterruptedException(long runId) {
        super("The worker running training run " + runId + " was interrupted");
    }
}
