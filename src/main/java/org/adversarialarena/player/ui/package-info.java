@NullMarked
package org.adversarialarena.player.ui;

import org.jspecify.annotations.NullMarked;
