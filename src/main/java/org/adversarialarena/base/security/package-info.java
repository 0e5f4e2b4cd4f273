@NullMarked
package org.adversarialarena.base.security;

import org.jspecify.annotations.NullMarked;
