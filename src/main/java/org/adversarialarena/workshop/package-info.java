@NullMarked
package org.adversarialarena.workshop;

import org.jspecify.annotations.NullMarked;
