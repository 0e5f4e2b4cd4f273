package org.adversarialarena.workshop;

import org.adversarialarena.base.Refusal;

/** A workshop action refused with a reason the person reads in their language; nothing was changed. */
public class WorkshopRefusedException extends Refusal {

    private final String key;

    WorkshopRefusedException(String key, String message, Object... arguments) {
        super(message, arguments);
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }
}
