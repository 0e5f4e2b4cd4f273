package org.adversarialarena;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Adversarial Arena: games against neural networks. The page shell is {@code base.ui.ArenaShell}.
 * Scheduling is for cheap periodic deletes only; background work goes through the job engine.
 */
@SpringBootApplication
@EnableScheduling
public class Application {

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
