package org.adversarialarena.round;

import java.util.Locale;

/** The games a round can belong to. */
public enum Game {
    FOOL, FORGE, LAB, JUDGE;

    /** Lower-case name used in board keys and translation keys. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
