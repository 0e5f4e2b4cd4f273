/**
 * Defenses the Fool game's harder levels put in the attacker's way, each usable as a
 * {@link org.adversarialarena.ml.serve.DifferentiableClassifier} so the same attacks (and the adaptive
 * attacks that know the defense) run against it: input squeezing with BPDA gradients, an ensemble,
 * and a detector network in front of a classifier.
 */
@NullMarked
package org.adversarialarena.ml.defense;

import org.jspecify.annotations.NullMarked;
