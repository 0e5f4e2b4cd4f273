package org.adversarialarena.judge;

import org.adversarialarena.ml.metrics.RateInterval;

/** How often generated images of one class fooled qualified players (untimed), all generators together. */
public record ClassStanding(int classIndex, RateInterval fooled) {
}
