package org.adversarialarena.forge;

import org.adversarialarena.ml.image.InvalidImageException;

/** A submission with no ink at all: there is nothing to judge. Its own type, so the page can say so in the player's language. */
public class BlankForgeryException extends InvalidImageException {

    public BlankForgeryException() {
        super(Problem.BLANK, "The image is blank: draw or generate a forgery first.");
    }
}
