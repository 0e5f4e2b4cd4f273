@NullMarked
package org.adversarialarena.forge;

import org.jspecify.annotations.NullMarked;
