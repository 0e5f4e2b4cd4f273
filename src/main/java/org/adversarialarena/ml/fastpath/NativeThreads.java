package org.adversarialarena.ml.fastpath;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How many OpenMP threads one native network call may use (oneDNN, libnd4j and OpenBLAS all run on
 * the OpenMP runtime they ship), set in the process's environment before that runtime loads, since
 * it reads the environment once. One by default: a server runs many calls at once on its own request
 * threads, and with OpenMP's default of one thread per core every one of them woke a helper that then
 * spun on the other core, so a one-image prediction cost far more CPU (docs/reliability.md).
 * An operator's own {@code OMP_NUM_THREADS} wins.
 */
final class NativeThreads {

    /** The property (Spring's or the system's) that sets the threads per native call; default 1. */
    static final String PROPERTY = "arena.ml.native-threads";
    static final String VARIABLE = "OMP_NUM_THREADS";
    private static final Logger log = LoggerFactory.getLogger(NativeThreads.class);

    /** The C library's environment call, through JNA. */
    interface C extends Library {
        int setenv(String name, String value, int overwrite);

        @Nullable String getenv(String name);
    }

    private NativeThreads() {
    }

    /**
     * Sets {@code OMP_NUM_THREADS} to {@code threads} unless the process already has it; true if this
     * call set it. Takes effect only if no native code has loaded yet, so it is made before any.
     */
    static synchronized boolean limit(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException(PROPERTY + " must be at least 1, was " + threads);
        }
        if (System.getenv(VARIABLE) != null || Platform.isWindows()) {
            return false;
        }
        try {
            C c = Native.load(Platform.C_LIBRARY_NAME, C.class);
            if (c.getenv(VARIABLE) != null) {
                return false;
            }
            boolean set = c.setenv(VARIABLE, Integer.toString(threads), 0) == 0;
            if (set) {
                log.info("Native network calls use {} OpenMP thread(s) each ({}={})", threads, VARIABLE, threads);
            }
            return set;
        } catch (RuntimeException | LinkageError e) {
            log.warn("Could not set {} for native calls: {}", VARIABLE, e.toString());
            return false;
        }
    }

    /** What the C library's environment says now (System.getenv keeps the JVM's start). */
    static @Nullable String current() {
        return Native.load(Platform.C_LIBRARY_NAME, C.class).getenv(VARIABLE);
    }
}
