@NullMarked
package org.adversarialarena.fool;

import org.jspecify.annotations.NullMarked;
