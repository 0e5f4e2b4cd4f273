@NullMarked
package org.adversarialarena.lab.ui;

import org.jspecify.annotations.NullMarked;
