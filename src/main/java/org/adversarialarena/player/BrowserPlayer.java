package org.adversarialarena.player;

/** A player who joined from a browser, with the resume token that browser must keep. */
public record BrowserPlayer(Player player, String resumeToken) {
}
