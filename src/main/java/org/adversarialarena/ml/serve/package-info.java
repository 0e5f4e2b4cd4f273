/** Serving trained networks to many concurrent players. */
package org.adversarialarena.ml.serve;
