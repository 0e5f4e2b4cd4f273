@NullMarked
package org.adversarialarena.account.ui;

import org.jspecify.annotations.NullMarked;
