@NullMarked
package org.adversarialarena.fool.ui;

import org.jspecify.annotations.NullMarked;
