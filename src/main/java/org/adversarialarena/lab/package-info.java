/** The Lab: GAN training runs a student or instructor starts, watches and steers, on the job engine. */
@NullMarked
package org.adversarialarena.lab;

import org.jspecify.annotations.NullMarked;
