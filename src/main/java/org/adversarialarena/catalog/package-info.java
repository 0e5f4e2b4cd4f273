/** The shipped networks and datasets, loaded once and served to every game. */
@NullMarked
package org.adversarialarena.catalog;

import org.jspecify.annotations.NullMarked;
