@NullMarked
package org.adversarialarena.audit;

import org.jspecify.annotations.NullMarked;
