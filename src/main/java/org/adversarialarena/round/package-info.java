@NullMarked
package org.adversarialarena.round;

import org.jspecify.annotations.NullMarked;
