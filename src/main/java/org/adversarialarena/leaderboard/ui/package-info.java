@NullMarked
package org.adversarialarena.leaderboard.ui;

import org.jspecify.annotations.NullMarked;
