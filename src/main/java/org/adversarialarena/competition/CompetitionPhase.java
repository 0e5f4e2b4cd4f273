package org.adversarialarena.competition;

import java.time.Instant;

/**
 * A stretch of a competition, e.g. "black-box" then "white-box": it starts at {@code startsAt} and lasts
 * until the next phase starts (the last one until the competition ends). While a phase is blind,
 * participants see only their own public score; in a white-box phase the target's weights are public.
 */
public record CompetitionPhase(String name, Instant startsAt, boolean blind, boolean whiteBox) {

    public static final int MAX_NAME_LENGTH = 60;
}
