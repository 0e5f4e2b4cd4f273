@NullMarked
package org.adversarialarena.base.ui;

import org.jspecify.annotations.NullMarked;
