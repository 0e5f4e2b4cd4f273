package org.adversarialarena.jobs;

/** What a running job reads before each step: whether to stop, and whether the run is still its own. */
record RunSignals(boolean cancelRequested, boolean pauseRequested, int attempt) {
}
