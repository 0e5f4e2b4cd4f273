@NullMarked
package org.adversarialarena.judge;

import org.jspecify.annotations.NullMarked;
