@NullMarked
package org.adversarialarena.competition.ui;

import org.jspecify.annotations.NullMarked;
