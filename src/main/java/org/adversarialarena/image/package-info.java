@NullMarked
package org.adversarialarena.image;

import org.jspecify.annotations.NullMarked;
