@NullMarked
package org.adversarialarena.workshop.ui;

import org.jspecify.annotations.NullMarked;
