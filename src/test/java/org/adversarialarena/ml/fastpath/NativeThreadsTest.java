package org.adversarialarena.ml.fastpath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NativeThreadsTest {

    @Test
    void theTestLauncherSetOneThreadPerNativeCallUnlessTheEnvironmentSaidOtherwise() {
        String configured = System.getenv(NativeThreads.VARIABLE);
        // Set by FastPathLauncherListener before any native code, as the app's installer does.
        assertThat(NativeThreads.current()).isEqualTo(configured != null ? configured
                : System.getProperty(NativeThreads.PROPERTY, "1"));
        // Set already: a later call changes nothing (the runtime has read it anyway).
        String before = NativeThreads.current();
        assertThat(NativeThreads.limit(2)).isFalse();
        assertThat(NativeThreads.current()).isEqualTo(before);
    }

    @Test
    void fewerThanOneThreadIsRefused() {
        assertThatThrownBy(() -> NativeThreads.limit(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(NativeThreads.PROPERTY);
    }
}
