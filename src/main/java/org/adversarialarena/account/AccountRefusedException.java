package org.adversarialarena.account;

import org.adversarialarena.base.Refusal;

/**
 * An account action refused for a reason the person should read (a weak password, an expired link).
 * Carries a translation key, so the view shows it in the reader's language.
 */
public class AccountRefusedException extends Refusal {

    private final String messageKey;

    AccountRefusedException(String messageKey, Object... arguments) {
        super(messageKey, arguments);
        this.messageKey = messageKey;
    }

    @Override
    public String key() {
        return messageKey;
    }
}
