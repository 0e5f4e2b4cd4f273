package org.adversarialarena;

import org.adversarialarena.ml.fastpath.FastPath;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Installs the ML fast path as the property {@value FastPath#SWITCH} says, once Spring has read the
 * configuration and before it creates any bean (registered in {@code META-INF/spring.factories}, so
 * that tests which start the application without {@link Application#main} get it too). Runs after
 * Boot's own post-processors, which load {@code application.properties}.
 */
class FastPathInstaller implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        FastPath.install(environment.getProperty(FastPath.SWITCH, Boolean.class, true));
    }
}
