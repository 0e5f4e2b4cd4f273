package org.adversarialarena.competition;

/** How a submission arrived. */
public enum Channel {
    BROWSER,
    API
}
