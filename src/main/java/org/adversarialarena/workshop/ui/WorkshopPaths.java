package org.adversarialarena.workshop.ui;

/** The workshop pages' routes, in one place for links between them. */
final class WorkshopPaths {

    static final String WORKSHOPS = "workshops";
    static final String PLAN = "workshops/plan";
    static final String HOST = "workshops/host";
    static final String PROJECTOR = "workshops/projector";
    /** Where students join: short, since it is read off a projector and typed on phones. */
    static final String PLAY = "play";

    private WorkshopPaths() {
    }
}
