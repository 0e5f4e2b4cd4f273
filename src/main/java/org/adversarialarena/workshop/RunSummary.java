package org.adversarialarena.workshop;

import java.time.Instant;

/** A run in its instructor's history: when, which plan's name, how far it got, how many students. */
public record RunSummary(long id, String name, String code, Phase phase, Instant created, int students) {
}
