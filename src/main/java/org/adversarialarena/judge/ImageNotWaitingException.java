package org.adversarialarena.judge;

import org.adversarialarena.base.Refusal;

/** An answer to an image that is not the one waiting (answered already, or from another tab); nothing was stored. */
public class ImageNotWaitingException extends Refusal {

    public ImageNotWaitingException(long itemId) {
        super("Image " + itemId + " is not waiting for an answer");
    }

    @Override
    public String key() {
        return "judge.error.not-waiting";
    }
}
