@NullMarked
package org.adversarialarena.quota;

import org.jspecify.annotations.NullMarked;
