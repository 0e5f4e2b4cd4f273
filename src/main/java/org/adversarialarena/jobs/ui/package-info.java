@NullMarked
package org.adversarialarena.jobs.ui;

import org.jspecify.annotations.NullMarked;
