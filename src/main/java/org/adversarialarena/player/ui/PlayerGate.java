package org.adversarialarena.player.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.spring.annotation.SpringComponent;
import com.vaadin.flow.spring.annotation.VaadinSessionScope;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.adversarialarena.base.ui.SessionKey;
import org.adversarialarena.player.BrowserPlayer;
import org.adversarialarena.player.Player;
import org.adversarialarena.player.PlayerService;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;

/**
 * Who is playing in this browser session. A player is asked for a nickname once; the browser keeps a
 * resume token in its local storage, so the next visit continues as the same player without asking.
 * Games call {@link #whenJoined} before anything that needs a player.
 */
@ConditionalOnWebApplication
@SpringComponent
@VaadinSessionScope
public class PlayerGate {

    static final String STORAGE_KEY = "adversarial-arena.player";

    private final PlayerService players;
    private @Nullable Long playerId;
    // Per UI (browser tab or page load): a reloaded page must ask again, and a closed one must not
    // leave callbacks behind.
    private final Map<UI, List<Consumer<Player>>> waiting = new HashMap<>();
    /** Who wants to know when the session's player changes (e.g. the "you are …" corner of each tab). */
    private final List<Consumer<Optional<Player>>> watchers = new CopyOnWriteArrayList<>();

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
        UI ui = UI.getCurrent();
        List<Consumer<Player>> queue = waiting.computeIfAbsent(ui, key -> new ArrayList<>());
        queue.add(then);
        if (queue.size() > 1) {
            return;
        }
        ui.getPage().executeJs("return window.localStorage.getItem($0)", STORAGE_KEY)
                .then(String.class, token -> players.resume(token == null ? "" : token)
                        .ifPresentOrElse(player -> admit(ui, player), () -> askForNickname(ui)));
    }

    /**
     * Runs {@code then} with the session's player if one is known or the browser's token names one,
     * without ever asking for a nickname: for pages that only look (leaderboards, the title bar).
     * Must be called from the UI thread.
     */
    public void recognised(Consumer<Player> then) {
        Optional<Player> known = current();
        if (known.isPresent()) {
            then.accept(known.get());
            return;
        }
        UI ui = UI.getCurrent();
        ui.getPage().executeJs("return window.localStorage.getItem($0)", STORAGE_KEY)
                .then(String.class, token -> players.resume(token == null ? "" : token).ifPresent(player -> {
                    remember(player);
                    then.accept(player);
                }));
    }

    /**
     * Tells {@code watcher} the session's player whenever it changes (joined, recognised, left), until
     * the registration is removed. The watcher runs in the UI thread of whichever tab made the change.
     */
    public Registration watch(Consumer<Optional<Player>> watcher) {
        watchers.add(watcher);
        return () -> watchers.remove(watcher);
    }

    /**
     * The question belongs to the page that asked it: if the visitor navigates elsewhere first, the
     * dialog closes and the waiting page's callbacks are dropped, so the dialog never stays over a
     * page that did not ask, and the next game asks again.
     */
    private void askForNickname(UI ui) {
        NicknameDialog dialog = new NicknameDialog(nickname -> joinFromBrowser(ui, nickname));
        Registration onNavigation = ui.addAfterNavigationListener(navigation -> dialog.close());
        Registration onDetach = ui.addDetachListener(detach -> waiting.remove(ui));
        dialog.addOpenedChangeListener(change -> {
            if (!change.isOpened()) {
                onNavigation.remove();
                onDetach.remove();
                waiting.remove(ui);
            }
        });
        dialog.open();
    }

    /**
     * Forgets the player in this session and browser, e.g. to play under another nickname, or because
     * the next student at a shared lab PC is not the previous one. The page reloads, so a game asks
     * for a nickname again.
     */
    public void leave() {
        playerId = null;
        UI ui = UI.getCurrent();
        ui.getPage().executeJs("window.localStorage.removeItem($0)", STORAGE_KEY);
        announce();
        ui.getPage().reload();
    }

    private Player joinFromBrowser(UI ui, String nickname) {
        BrowserPlayer joined = players.joinFromBrowser(nickname, SessionKey.current());
        ui.getPage().executeJs("window.localStorage.setItem($0, $1)", STORAGE_KEY, joined.resumeToken());
        admit(ui, joined.player());
        return joined.player();
    }

    private void remember(Player player) {
        boolean changed = !Objects.equals(playerId, player.getId());
        playerId = player.getId();
        if (changed) {
            announce();
        }
    }

    private void announce() {
        Optional<Player> now = current();
        watchers.forEach(watcher -> watcher.accept(now));
    }

    private void admit(UI ui, Player player) {
        remember(player);
        List<Consumer<Player>> ready = waiting.remove(ui);
        if (ready != null) {
            ready.forEach(callback -> callback.accept(player));
        }
    }
}
