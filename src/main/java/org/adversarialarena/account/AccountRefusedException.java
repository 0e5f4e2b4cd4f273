package org.adversarialarena.account;

/**
 * An account action refused for a reason the person should read (a weak password, an expired link).
 * Carries a translation key, so the view shows it in the reader's language.
 */
public class AccountRefusedException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] arguments;

    AccountRefusedException(String messageKey, Object... arguments) {
        super(messageKey);
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
