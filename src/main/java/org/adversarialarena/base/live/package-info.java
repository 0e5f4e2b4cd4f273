/**
 * Live updates that cross nodes: a feature publishes "this changed" (a topic, a key, a version) with
 * PostgreSQL's NOTIFY inside its own transaction, and every node's {@link org.adversarialarena.base.live.LiveListener}
 * tells its subscribers, who reload what they show from the database. Nothing here knows Vaadin: the
 * user interface adapts with {@code base.ui.UiUpdates}. How to use it: docs/architecture.md.
 */
@NullMarked
package org.adversarialarena.base.live;

import org.jspecify.annotations.NullMarked;
