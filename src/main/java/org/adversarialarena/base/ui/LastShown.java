package org.adversarialarena.base.ui;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a panel last put on its page, by a key that names that content (ids, a ranking): asked to show the
 * same again, the panel is left alone and nothing is sent to the browser. Most live updates and most
 * submissions change no line of a board and no item of a gallery.
 *
 * @param <K> a key with value equality
 */
public final class LastShown<K> {

    private @Nullable K shown;

    /** Runs {@code show} unless {@code key} is what was last shown; remembers the key only once it ran. */
    public void showIfChanged(K key, Runnable show) {
        if (Objects.equals(key, shown)) {
            return;
        }
        show.run();
        shown = key;
    }
}
