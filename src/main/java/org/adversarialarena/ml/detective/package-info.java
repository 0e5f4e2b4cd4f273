/**
 * The live detective of Forge: a copy of a trained GAN's discriminator that keeps learning from the
 * forgeries players submit, with its health checks, checkpoints and statistics; the scoring rule of a
 * forgery; and the near-duplicate check that tells forging from copying.
 */
@NullMarked
package org.adversarialarena.ml.detective;

import org.jspecify.annotations.NullMarked;
