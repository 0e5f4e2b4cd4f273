@NullMarked
package org.adversarialarena.lab;

import org.jspecify.annotations.NullMarked;
