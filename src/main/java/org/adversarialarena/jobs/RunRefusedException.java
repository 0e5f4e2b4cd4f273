package org.adversarialarena.jobs;

import org.adversarialarena.base.Refusal;

/** A change to a run was refused (not its owner's, or not in a state that allows it); nothing changed. */
public class RunRefusedException extends Refusal {

    private final String key;

    RunRefusedException(String key, String message, Object... arguments) {
        super(message, arguments);
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }
}
