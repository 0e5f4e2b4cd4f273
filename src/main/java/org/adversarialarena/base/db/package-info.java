@NullMarked
package org.adversarialarena.base.db;

import org.jspecify.annotations.NullMarked;
