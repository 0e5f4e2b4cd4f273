/** The datasets (MNIST, Fashion-MNIST): shipped IDX files, their loader, splits and mini-batches. */
package org.adversarialarena.ml.data;
