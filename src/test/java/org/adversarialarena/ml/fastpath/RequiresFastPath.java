package org.adversarialarena.ml.fastpath;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * For tests of the fast path's own parts: skipped in a process that runs plain DL4J
 * ({@code -Darena.ml.fast-path=false}), where those parts are not installed.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@EnabledIf(value = "org.adversarialarena.ml.fastpath.FastPath#isOn",
        disabledReason = "tests the fast path's parts, and this process runs plain DL4J (arena.ml.fast-path=false)")
public @interface RequiresFastPath {
}
