@NullMarked
package org.adversarialarena.home;

import org.jspecify.annotations.NullMarked;
