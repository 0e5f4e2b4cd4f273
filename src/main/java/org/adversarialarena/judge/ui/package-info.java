@NullMarked
package org.adversarialarena.judge.ui;

import org.jspecify.annotations.NullMarked;
