package org.adversarialarena.forge;

import org.adversarialarena.ml.detective.DetectiveCheckpoint;

/**
 * A detective as PostgreSQL keeps it: its checkpoint and the last of its scope's stored forgeries that
 * the checkpoint's counters include (0: none), from which a node resuming it counts on.
 */
record StoredDetective(DetectiveCheckpoint checkpoint, long lastForgeryId) {
}
