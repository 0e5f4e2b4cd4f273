package org.adversarialarena.jobs;

/**
 * Told after every write of a run's progress or status, on the thread that wrote it, once the
 * write has committed. The live-update mechanism (LISTEN/NOTIFY across nodes, Push to the pages)
 * implements it; until it is wired, {@link LoggingRunProgressPublisher} stands in. Must return
 * quickly: the training thread calls it.
 */
public interface RunProgressPublisher {

    void runChanged(long runId, long version);
}
