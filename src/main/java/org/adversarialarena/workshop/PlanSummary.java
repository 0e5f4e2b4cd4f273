package org.adversarialarena.workshop;

import java.time.Instant;

/** A plan in its instructor's list. */
public record PlanSummary(long id, String name, int rounds, Instant updated, String owner) {
}
