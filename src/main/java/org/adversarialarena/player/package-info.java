@NullMarked
package org.adversarialarena.player;

import org.jspecify.annotations.NullMarked;
