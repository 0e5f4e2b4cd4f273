package org.adversarialarena.judge;

import org.adversarialarena.base.Refusal;

/** A session asked for with too few or too many images of each kind; none was made. */
public class SessionSizeException extends Refusal {

    public SessionSizeException(int asked, int min, int max) {
        super("A Judge session has " + min + " to " + max + " images of each kind, not " + asked, min, max);
    }

    @Override
    public String key() {
        return "judge.error.size";
    }
}
