/**
 * The speed layer: parts of DL4J 1.0.0-M2.1 and ND4J replaced by faster equivalents that compute the
 * same thing. A leaf (it uses nothing else of the project) entered only through {@link
 * org.adversarialarena.ml.fastpath.FastPath}, which also switches it off; the day DL4J is upgraded,
 * this package is what to review, and the golden outputs recorded with plain DL4J are what to check.
 */
package org.adversarialarena.ml.fastpath;
