/**
 * The machine's side of the Fool game: adversarial attacks (white-box, black-box, transfer) that
 * work on one image or a batch, each returning the adversarial image, its norms and a replayable trace.
 */
@NullMarked
package org.adversarialarena.ml.attack;

import org.jspecify.annotations.NullMarked;
