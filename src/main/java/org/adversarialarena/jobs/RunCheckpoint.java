package org.adversarialarena.jobs;

import org.jspecify.annotations.Nullable;

/** A stored checkpoint: a GAN's generator and discriminator zips, or a classifier's network alone. */
record RunCheckpoint(int step, byte[] firstNetwork, byte @Nullable [] secondNetwork) {
}
