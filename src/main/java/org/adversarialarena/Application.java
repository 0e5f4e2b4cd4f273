package org.adversarialarena;

import org.adversarialarena.ml.model.NativeMemorySettings;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** Adversarial Arena: games against neural networks. The page shell is {@code base.ui.ArenaShell}. */
@SpringBootApplication
public class Application {

    public static void main(String[] args) {
        NativeMemorySettings.applyBeforeNativeCode();
        SpringApplication.run(Application.class, args);
    }

    /** Rounds, scores and expiry read the time from here, so tests can fix it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
