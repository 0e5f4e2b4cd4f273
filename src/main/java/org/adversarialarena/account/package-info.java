@NullMarked
package org.adversarialarena.account;

import org.jspecify.annotations.NullMarked;
