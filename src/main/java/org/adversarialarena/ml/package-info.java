/**
 * The machine-learning core: datasets, models, training, serving, attacks and metrics.
 * Plain Java + DL4J; it knows nothing of Spring or Vaadin (an architecture test keeps it so),
 * so it can be tested, benchmarked and run from a command line on its own.
 */
@NullMarked
package org.adversarialarena.ml;

import org.jspecify.annotations.NullMarked;
