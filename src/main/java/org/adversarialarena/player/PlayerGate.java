package org.adversarialarena.player;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.spring.annotation.SpringComponent;
import com.vaadin.flow.spring.annotation.VaadinSessionScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Who is playing in this browser session. A player is asked for a nickname once; the browser keeps a
 * resume token in its local storage, so the next visit continues as the same player without asking.
 * Games call {@link #whenJoined} before anything that needs a player.
 */
@SpringComponent
@VaadinSessionScope
public class PlayerGate {

    static final String STORAGE_KEY = "adversarial-arena.player";

    private final PlayerService players;
    private @Nullable Long playerId;
    private final List<Consumer<Player>> waiting = new ArrayList<>();
    private @Nullable UI askingUi;

    PlayerGate(PlayerService players) {
        this.players = players;
    }

    /** The player of this session, if they have joined (or been recognised) already. */
    public Optional<Player> current() {
        return playerId == null ? Optional.empty() : players.find(playerId);
    }

    /**
     * Runs {@code then} with the session's player: at once if known, otherwise after the browser's
     * token was recognised or the player chose a nickname. Must be called from the UI thread.
     */
    public void whenJoined(Consumer<Player> then) {
        Optional<Player> known = current();
        if (known.isPresent()) {
            then.accept(known.get());
            return;
        }
        waiting.add(then);
        UI ui = UI.getCurrent();
        // Another page of this UI is already asking; a reloaded page or another tab is a new UI whose
        // visitor never sees the old UI's dialog, so it asks again.
        if (waiting.size() > 1 && ui == askingUi) {
            return;
        }
        askingUi = ui;
        ui.getPage().executeJs("return window.localStorage.getItem($0)", STORAGE_KEY)
                .then(String.class, token -> players.resume(token == null ? "" : token)
                        .ifPresentOrElse(this::admit, () -> askForNickname(ui)));
    }

    /**
     * The question belongs to the page that asked it: if the visitor navigates elsewhere first, the
     * dialog closes and the waiting page's callbacks are dropped, so a modal dialog never blocks a
     * page that did not need a player, and the next game asks again.
     */
    private void askForNickname(UI ui) {
        NicknameDialog dialog = new NicknameDialog(this::joinFromBrowser);
        Registration[] onNavigation = new Registration[1];
        onNavigation[0] = ui.addAfterNavigationListener(navigation -> dialog.close());
        dialog.addOpenedChangeListener(change -> {
            if (!change.isOpened()) {
                onNavigation[0].remove();
                if (playerId == null) {
                    waiting.clear();
                }
            }
        });
        dialog.open();
    }

    /** Forgets the player in this session and browser, e.g. to play under another nickname. */
    public void leave() {
        playerId = null;
        UI.getCurrent().getPage().executeJs("window.localStorage.removeItem($0)", STORAGE_KEY);
    }

    private Player joinFromBrowser(String nickname) {
        BrowserPlayer joined = players.joinFromBrowser(nickname);
        UI.getCurrent().getPage().executeJs("window.localStorage.setItem($0, $1)", STORAGE_KEY, joined.resumeToken());
        admit(joined.player());
        return joined.player();
    }

    private void admit(Player player) {
        playerId = player.getId();
        List<Consumer<Player>> ready = List.copyOf(waiting);
        waiting.clear();
        ready.forEach(callback -> callback.accept(player));
    }
}
