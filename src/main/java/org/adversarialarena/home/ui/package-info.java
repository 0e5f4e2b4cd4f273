@NullMarked
package org.adversarialarena.home.ui;

import org.jspecify.annotations.NullMarked;
