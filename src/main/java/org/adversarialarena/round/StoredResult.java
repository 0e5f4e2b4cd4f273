package org.adversarialarena.round;

import java.time.Instant;

/**
 * A submission the server stored and scored but whose result never reached its player's page (the
 * node died in between): shown on the player's next visit.
 *
 * @param id        the game's own id of the stored submission
 * @param submitted when it was stored
 * @param points    what it scored
 */
public record StoredResult(long id, Instant submitted, double points) {
}
