package org.adversarialarena.base.ui;

import org.adversarialarena.base.Refusal;

/**
 * The canvas's last report in this request was dropped, so the browser showed an image the server
 * does not hold: nothing is judged until the browser shows the server's image again.
 */
public class CanvasOutOfSyncException extends Refusal {

    CanvasOutOfSyncException() {
        super("The browser's canvas showed an image the server dropped; it is being put back");
    }

    @Override
    public String key() {
        return "canvas.dropped";
    }
}
