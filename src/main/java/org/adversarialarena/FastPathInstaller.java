package org.adversarialarena;

import org.adversarialarena.ml.fastpath.FastPath;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Limits native calls to {@value FastPath#NATIVE_THREADS} OpenMP threads each and installs the ML fast
 * path as the property {@value FastPath#SWITCH} says, once Spring has read the
 * configuration and before it creates any bean (registered in {@code META-INF/spring.factories}, so
 * that tests which start the application without {@link Application#main} get it too). Runs after
 * Boot's own post-processors, which load {@code application.properties}.
 */
class FastPathInstaller implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        // Before anything loads ND4J's natives, whose OpenMP runtime reads its thread count only then.
        FastPath.limitNativeThreads(environment.getProperty(FastPath.NATIVE_THREADS, Integer.class, 1));
        FastPath.install(environment.getProperty(FastPath.SWITCH, Boolean.class, true));
    }
}
