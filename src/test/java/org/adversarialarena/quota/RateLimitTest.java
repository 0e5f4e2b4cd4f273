package org.adversarialarena.quota;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimitTest {

    @Test
    void aLimitAllowsAHitInAWindowOfASecondToADay() {
        assertThatCode(() -> new RateLimit("x", 1, Duration.ofSeconds(1))).doesNotThrowAnyException();
        assertThatCode(() -> new RateLimit("x", 1, Duration.ofDays(1))).doesNotThrowAnyException();
        assertThatThrownBy(() -> new RateLimit("x", 0, Duration.ofMinutes(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimit("x", 1, Duration.ofMillis(10))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimit("x", 1, Duration.ofDays(2))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimit(" ", 1, Duration.ofMinutes(1))).isInstanceOf(IllegalArgumentException.class);
    }
}
