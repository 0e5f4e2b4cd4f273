package org.adversarialarena.jobs;

/**
 * Told after every write of a run's progress or status, on the thread that wrote it, once the
 * write has committed; {@link LiveRunProgressPublisher} announces it to every node. Must return
 * quickly: the training thread calls it.
 */
public interface RunProgressPublisher {

    void runChanged(long runId, long version);
}
