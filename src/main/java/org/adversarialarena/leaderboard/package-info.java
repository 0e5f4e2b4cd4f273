@NullMarked
package org.adversarialarena.leaderboard;

import org.jspecify.annotations.NullMarked;
