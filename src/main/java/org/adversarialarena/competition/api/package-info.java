/** The competitions' REST API under {@code /api/competitions}: stateless, personal access tokens, OpenAPI-described. */
@NullMarked
package org.adversarialarena.competition.api;

import org.jspecify.annotations.NullMarked;
