/** Measurements of models: accuracy and confusion, and the Fréchet distance (used by the GAN's sample quality). */
package org.adversarialarena.ml.metrics;
