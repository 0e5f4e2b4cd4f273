package org.adversarialarena;

import org.adversarialarena.ml.fastpath.FastPath;
import org.adversarialarena.ml.fastpath.NativeThreads;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Limits native calls to {@value NativeThreads#PROPERTY} OpenMP threads each and installs the ML fast
 * path as the property {@value FastPath#SWITCH} says, once Spring has read the
 * configuration and before it creates any bean (registered in {@code META-INF/spring.factories}, so
 * that tests which start the application without {@link Application#main} get it too). Runs after
 * Boot's own post-processors, which load {@code application.properties}.
 */
class FastPathInstaller implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        // Before anything loads ND4J's natives, whose OpenMP runtime reads its thread count only then.
        NativeThreads.limit(environment.getProperty(NativeThreads.PROPERTY, Integer.class, 1));
        FastPath.install(environment.getProperty(FastPath.SWITCH, Boolean.class, true));
    }
}
