package org.adversarialarena.judge;

import java.util.Locale;

/**
 * HYPE's two variants: {@link #UNTIMED} (HYPE∞, no time limit) and {@link #TIMED} (after HYPE-time:
 * each image is shown only for an exposure the server chooses on a staircase).
 */
public enum JudgeMode {
    UNTIMED, TIMED;

    /** The lower-case name used as a leaderboard variant and in translation keys. */
    public String slug() {
        return name().toLowerCase(Locale.ROOT);
    }
}
