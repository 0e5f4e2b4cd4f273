package org.adversarialarena.player;

/** A nickname refused for a reason the player should read; the key names the text to show. */
public class NicknameRefusedException extends IllegalArgumentException {

    private final String messageKey;

    NicknameRefusedException(String messageKey, String message) {
        super(message);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
