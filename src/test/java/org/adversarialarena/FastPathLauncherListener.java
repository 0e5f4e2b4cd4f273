package org.adversarialarena;

import org.adversarialarena.ml.fastpath.FastPath;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Installs the ML fast path (as the system property {@value FastPath#SWITCH} says) when the JUnit
 * launcher starts, before any test class builds a network, as {@code main} does for a command-line
 * tool. Registered in {@code META-INF/services}, so Maven and IDEs alike pick it up. A test that starts
 * the application gets the same decision again from Spring, which also reads system properties.
 */
public class FastPathLauncherListener implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        // Tests run the app's native set-up: one OpenMP thread per call unless -Darena.ml.native-threads says otherwise.
        FastPath.limitNativeThreads(Integer.getInteger(FastPath.NATIVE_THREADS, 1));
        FastPath.install();
    }
}
