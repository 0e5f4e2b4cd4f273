package org.adversarialarena.base.ui;

/** The arena's top-level sections, in the order the navigation shows them. */
public enum ArenaSection {
    HOME("home", ""),
    FOOL("fool", "fool"),
    FORGE("forge", "forge"),
    LAB("lab", "lab"),
    JUDGE("judge", "judge"),
    LEADERBOARDS("leaderboards", "leaderboards");

    private final String id;
    private final String path;

    ArenaSection(String id, String path) {
        this.id = id;
        this.path = path;
    }

    /** Used in element ids ({@code nav-fool}, {@code fool-view}) and translation keys. */
    public String id() {
        return id;
    }

    public String path() {
        return path;
    }

    public String navigationKey() {
        return "nav." + id;
    }

    public String viewId() {
        return id + "-view";
    }
}
