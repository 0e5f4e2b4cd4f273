package org.adversarialarena.base.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LastShownTest {

    private final LastShown<List<Long>> lastShown = new LastShown<>();
    private final List<List<Long>> shows = new ArrayList<>();

    @Test
    void theSameContentAgainIsNotShownAgainAndNewContentIs() {
        show(List.of(1L, 2L));
        show(List.of(1L, 2L));
        show(List.of(3L, 1L));
        show(List.of());

        assertThat(shows).containsExactly(List.of(1L, 2L), List.of(3L, 1L), List.of());
    }

    @Test
    void aShowThatFailedIsTriedAgainNextTime() {
        assertThatThrownBy(() -> lastShown.showIfChanged(List.of(7L), () -> {
            throw new IllegalStateException("the page could not be drawn");
        })).isInstanceOf(IllegalStateException.class);

        show(List.of(7L));

        assertThat(shows).containsExactly(List.of(7L));
    }

    private void show(List<Long> key) {
        lastShown.showIfChanged(key, () -> shows.add(key));
    }
}
