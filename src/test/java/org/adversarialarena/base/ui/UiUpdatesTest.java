package org.adversarialarena.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.browserless.internal.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.adversarialarena.base.live.Subscription;
import org.junit.jupiter.api.Test;

/**
 * A component follows a live source only while attached, and each update reaches it through its UI's
 * session lock even when it comes from another thread (as the live listener's do).
 */
@ViewPackages(packages = "org.adversarialarena.base.ui") // no views: the test needs only a UI, not the app's routes
class UiUpdatesTest extends BrowserlessTest {

    /** A source like a service's {@code follow}: whoever follows it is called until they close. */
    private static final class Topic {
        private final List<Consumer<String>> followers = new CopyOnWriteArrayList<>();

        Subscription follow(Consumer<String> follower) {
            followers.add(follower);
            return () -> followers.remove(follower);
        }

        void changeFromAnotherThread(String state) throws InterruptedException {
            Thread listener = new Thread(() -> followers.forEach(follower -> follower.accept(state)));
            listener.start();
            listener.join();
        }
    }

    /** What a real server does when the request thread releases the session lock. */
    private static void runQueuedAccess() {
        MockVaadin.runUIQueue();
    }

    @Test
    void aComponentFollowsWhileAttachedAndItsUiAppliesEachUpdate() throws InterruptedException {
        Topic topic = new Topic();
        Span shown = new Span("v1");
        UiUpdates<String> updates = new UiUpdates<>(shown, shown::setText);
        updates.follow(topic::follow);
        assertThat(topic.followers).as("not followed before attach").isEmpty();

        UI.getCurrent().add(shown);
        assertThat(topic.followers).hasSize(1);
        topic.changeFromAnotherThread("v2");
        runQueuedAccess();
        assertThat(shown.getText()).isEqualTo("v2");

        UI.getCurrent().remove(shown);
        assertThat(topic.followers).as("let go on detach").isEmpty();
        UI.getCurrent().add(shown);
        assertThat(topic.followers).as("followed again on re-attach").hasSize(1);
    }

    @Test
    void anUpdateQueuedForAFormerSourceIsDropped() throws InterruptedException {
        Topic board = new Topic();
        Topic otherBoard = new Topic();
        Span shown = new Span("nothing yet");
        UI.getCurrent().add(shown);
        UiUpdates<String> updates = new UiUpdates<>(shown, shown::setText);
        updates.follow(board::follow);

        board.changeFromAnotherThread("old board");
        List<Consumer<String>> formerFollowers = List.copyOf(board.followers);
        updates.follow(otherBoard::follow);
        // A change the old source was already delivering when the switch happened.
        formerFollowers.forEach(follower -> follower.accept("old board, late"));
        runQueuedAccess();

        assertThat(board.followers).isEmpty();
        assertThat(otherBoard.followers).hasSize(1);
        assertThat(shown.getText()).isEqualTo("nothing yet");
        otherBoard.changeFromAnotherThread("new board");
        runQueuedAccess();
        assertThat(shown.getText()).isEqualTo("new board");
    }
}
