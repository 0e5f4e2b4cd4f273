@NullMarked
package org.adversarialarena.base.info;

import org.jspecify.annotations.NullMarked;
