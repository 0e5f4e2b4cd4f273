package org.adversarialarena.judge;

import java.util.OptionalInt;

/**
 * The image a player is to judge, as the browser may know it: no truth, no source, no class. In
 * timed mode it carries the exposure after which the page hides it.
 *
 * @param position 0-based place in the session, of {@code total}
 * @param warmUp   one of the easy warm-up pairs at the start
 */
public record ShownImage(long sessionId, long itemId, int position, int total, boolean warmUp, float[] pixels,
        OptionalInt exposureMs) {
}
