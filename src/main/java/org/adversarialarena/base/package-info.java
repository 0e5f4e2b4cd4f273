@NullMarked
package org.adversarialarena.base;

import org.jspecify.annotations.NullMarked;
