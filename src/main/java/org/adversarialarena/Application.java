package org.adversarialarena;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.theme.lumo.Lumo;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * Adversarial Arena: games against neural networks. Push is on because training runs and batch
 * attacks report progress from background threads; Vaadin 25 applies no theme unless told to.
 */
@SpringBootApplication
@Push
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles.css")
public class Application implements AppShellConfigurator {

    /** The ML fast path is installed by {@link FastPathInstaller}, once the configuration that may turn it off is read. */
    public static void main(String[] args) {
        SpringApplication.run(Application.class, args);
    }

    /** Rounds, scores and expiry read the time from here, so tests can fix it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
