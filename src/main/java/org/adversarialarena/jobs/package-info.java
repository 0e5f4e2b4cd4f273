/**
 * The training-job engine: runs that train networks in the background on any worker node, queued
 * in PostgreSQL through db-scheduler, with their progress, stop flags and checkpoints in our own
 * {@code training_run} tables. Serves the Lab now and robust classifiers and competition defenses
 * later, so it is a feature of its own rather than part of the Lab (docs/jobs.md).
 */
@NullMarked
package org.adversarialarena.jobs;

import org.jspecify.annotations.NullMarked;
