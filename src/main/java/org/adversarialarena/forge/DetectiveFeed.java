package org.adversarialarena.forge;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.shared.Registration;
import org.adversarialarena.base.ui.LiveFeed;
import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.ml.detective.DetectiveStats;
import org.springframework.stereotype.Component;

/** Pushes a detective's status (version, catch rate, loss curve) to every Forge page showing it. */
@Component
class DetectiveFeed {

    private final LiveFeed<DatasetId, DetectiveStats> feed = new LiveFeed<>();

    Registration subscribe(DatasetId dataset, UI ui, SerializableConsumer<DetectiveStats> listener) {
        return feed.subscribe(dataset, ui, listener);
    }

    void publish(DetectiveStats stats) {
        if (feed.hasSubscribers(stats.dataset())) {
            feed.publish(stats.dataset(), stats);
        }
    }
}
