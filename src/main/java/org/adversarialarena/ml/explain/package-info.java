/** Explanations the games show: saliency maps, the linear toy model, robustness curves. */
@NullMarked
package org.adversarialarena.ml.explain;

import org.jspecify.annotations.NullMarked;
