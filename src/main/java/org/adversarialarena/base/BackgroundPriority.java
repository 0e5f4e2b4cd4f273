package org.adversarialarena.base;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import java.util.concurrent.ThreadFactory;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Background priority for a thread whose work no one waits for at a screen, such as the machine's
 * attacks after a Fool attempt. On Linux the nice value belongs to each thread, so such a thread then
 * gets a core only when the players' requests leave one: when a class saturates the server, strokes
 * are answered first and the background work runs in what is left, instead of every stroke waiting
 * behind it. Elsewhere, or if the system refuses, the thread keeps its priority.
 *
 * <p>Only for threads of their own: an unprivileged process cannot raise a thread's priority again, so
 * a pooled thread lowered once would stay low for whatever it runs next.
 */
public final class BackgroundPriority {

    private static final Logger log = LoggerFactory.getLogger(BackgroundPriority.class);
    /** setpriority's "which": with "who" 0, Linux takes the calling thread. */
    private static final int PRIO_PROCESS = 0;
    /**
     * The lowest priority: background work runs in the cores' idle time, and a server kept busy by its
     * players delays it (a middle value still let the comparison take a large share: docs/reliability.md).
     */
    static final int NICENESS = 19;
    private static final @Nullable C LIBC = libc();

    /** The C library's call, through JNA (which ND4J's system information brings anyway). */
    interface C extends Library {
        int setpriority(int which, int who, int priority);
    }

    /** A factory whose threads lower their own priority before they run anything. */
    public static ThreadFactory lowered(ThreadFactory factory) {
        return task -> factory.newThread(() -> {
            lowerCurrentThread();
            task.run();
        });
    }

    /** Lowers the calling thread's priority; false where the system has no per-thread priority or refuses. */
    static boolean lowerCurrentThread() {
        C c = LIBC;
        if (c == null) {
            return false;
        }
        try {
            return c.setpriority(PRIO_PROCESS, 0, NICENESS) == 0;
        } catch (RuntimeException | LinkageError e) {
            log.debug("Could not lower the priority of {}", Thread.currentThread().getName(), e);
            return false;
        }
    }

    private static @Nullable C libc() {
        if (!Platform.isLinux()) {
            return null;
        }
        try {
            return Native.load(Platform.C_LIBRARY_NAME, C.class);
        } catch (RuntimeException | LinkageError e) {
            log.info("Background threads keep normal priority: {}", e.toString());
            return null;
        }
    }

    private BackgroundPriority() {
    }
}
