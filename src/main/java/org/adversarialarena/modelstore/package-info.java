@NullMarked
package org.adversarialarena.modelstore;

import org.jspecify.annotations.NullMarked;
