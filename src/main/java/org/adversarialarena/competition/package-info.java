/**
 * Competitions: instructors host attack contests against a fixed shipped classifier on a fixed
 * challenge set; players enter, submit adversarial sets in the browser or through the REST API with
 * personal access tokens, and are ranked on public and private boards (docs/competitions.md).
 */
@NullMarked
package org.adversarialarena.competition;

import org.jspecify.annotations.NullMarked;
