/** What an image is in the arena (28×28 grayscale in [0, 1]), its validation and its PNG form. */
@NullMarked
package org.adversarialarena.ml.image;

import org.jspecify.annotations.NullMarked;
