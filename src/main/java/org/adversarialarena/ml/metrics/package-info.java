/** Measurements of models: accuracy and confusion, and (for GANs) sample quality. */
package org.adversarialarena.ml.metrics;
