package org.adversarialarena.competition;

import org.jspecify.annotations.Nullable;

/** A hosted competition: its settings, its host and, for a private one, the code that lets players in. */
public record Competition(long id, long ownerId, CompetitionSettings settings, @Nullable String joinCode) {
}
