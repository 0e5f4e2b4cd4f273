/**
 * A competition's Forge track: entrants play the Forge game during the contest, the live detective
 * judges each entrant's forgeries of the track's prompt again once the contest is over, and their best
 * counts on the track's board (docs/competitions.md, "Forge track"). It builds on the competition core:
 * its entrants, boards and rules.
 */
@NullMarked
package org.adversarialarena.competition.forgetrack;

import org.jspecify.annotations.NullMarked;
