@NullMarked
package org.adversarialarena.forge.ui;

import org.jspecify.annotations.NullMarked;
