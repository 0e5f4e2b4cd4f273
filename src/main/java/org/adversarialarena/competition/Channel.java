package org.adversarialarena.competition;

/** How a submission arrived. */
public enum Channel {
    BROWSER,
    API,
    /** Built image by image in the canvas (a draft set). */
    CANVAS
}
