package org.adversarialarena.workshop.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.html.Span;
import java.time.Duration;
import java.time.Instant;
import org.adversarialarena.workshop.Phase;
import org.adversarialarena.workshop.RunState;

/**
 * The round's countdown. The server sends the time left (not the deadline, so a phone whose clock is
 * off still counts right) and the browser ticks it down; the server closes the round itself at the
 * stored deadline, whatever the browser shows.
 */
class Countdown extends Span {

    private static final String TICK = """
            const el = this;
            el.dataset.end = $1 ? '' : String(Date.now() + $0);
            if (!el.__tick) {
              el.__tick = setInterval(() => {
                if (!el.dataset.end) { return; }
                const s = Math.max(0, Math.ceil((Number(el.dataset.end) - Date.now()) / 1000));
                el.textContent = Math.floor(s / 60) + ':' + String(s % 60).padStart(2, '0');
              }, 250);
            }""";

    private long leftMillis;
    private boolean stopped = true;

    Countdown() {
        addClassName("workshop-countdown");
    }

    void show(RunState run, Instant now) {
        Duration left = run.timeLeft(now);
        leftMillis = left.toMillis();
        stopped = run.phase() != Phase.OPEN;
        setText(Texts.clock(left));
        getElement().getClassList().set("workshop-paused", run.phase() == Phase.PAUSED);
        tick();
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        tick();
    }

    private void tick() {
        if (isAttached()) {
            getElement().executeJs(TICK, leftMillis, stopped);
        }
    }
}
