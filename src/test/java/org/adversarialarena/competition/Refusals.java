package org.adversarialarena.competition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** The competition tests' one way of saying "this is refused, and with this reason". */
final class Refusals {

    private Refusals() {
    }

    /** Asserts that {@code action} is refused with the message key {@code key}. */
    static void assertRefused(ThrowingCallable action, String key) {
        assertThatThrownBy(action).isInstanceOfSatisfying(CompetitionRefusedException.class,
                refused -> assertThat(refused.key()).isEqualTo(key));
    }
}
