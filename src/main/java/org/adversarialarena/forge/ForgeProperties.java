package org.adversarialarena.forge;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Forge's live detectives learn and are kept.
 *
 * @param trainEvery          a node queues a training round after every this many of its submissions to a detective
 * @param stepsPerRound       small training steps per round
 * @param checkpointEvery     accepted steps between two checkpoints in PostgreSQL
 * @param checkpointInterval  the least time between two checkpoints a node writes on its own: steps accepted
 *                            sooner are checkpointed once it has passed (0: as soon as they are due)
 * @param keepCheckpoints     checkpoints kept per dataset (older ones are deleted)
 * @param learningRate        the detective's Adam step size while live
 * @param seed                seeds the detectives' batch sampling
 * @param duplicateThreshold  RMS pixel distance to a real image below which a submission is a copy
 * @param replayOnStart       recent forgeries reloaded into a resumed detective's replay buffer
 * @param trainingLease       how long a node may train a detective without renewing its lease; after that,
 *                            another node may take over (a dead trainer is replaced after at most this long)
 */
@ConfigurationProperties("arena.forge")
record ForgeProperties(@DefaultValue("3") int trainEvery, @DefaultValue("2") int stepsPerRound,
        @DefaultValue("2") int checkpointEvery, @DefaultValue("3") int keepCheckpoints,
        @DefaultValue("2e-5") double learningRate, @DefaultValue("1") long seed,
        @DefaultValue("0.05") double duplicateThreshold, @DefaultValue("256") int replayOnStart,
        @DefaultValue("30s") Duration trainingLease, @DefaultValue("10s") Duration checkpointInterval) {

    ForgeProperties {
        if (trainEvery < 1 || stepsPerRound < 1 || checkpointEvery < 1 || keepCheckpoints < 1 || replayOnStart < 0) {
            throw new IllegalArgumentException("arena.forge.* counts must be positive");
        }
        if (trainingLease.toMillis() < 1) {
            throw new IllegalArgumentException("arena.forge.training-lease must be positive");
        }
        if (checkpointInterval.isNegative()) {
            throw new IllegalArgumentException("arena.forge.checkpoint-interval must not be negative");
        }
        if (!(learningRate > 0) || !(duplicateThreshold > 0 && duplicateThreshold < 1)) {
            throw new IllegalArgumentException("arena.forge.learning-rate must be > 0 and duplicate-threshold in (0, 1)");
        }
    }
}
