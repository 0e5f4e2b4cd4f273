package org.adversarialarena.competition;

/** A player entered in a competition, under the nickname they had when they entered. */
public record Entrant(long id, long competitionId, long playerId, String nickname) {
}
