/** Measurements of models and of the people who judge them: accuracy and confusion, the Fréchet distance (used by the GAN's sample quality), real-or-fake detection rates, a bootstrap over evaluators and an exposure staircase. */
package org.adversarialarena.ml.metrics;
