package org.adversarialarena.forge;

import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * Which of a scope's stored forgeries a node's detective has counted. Every node counts every stored
 * forgery once, whichever node stored it, by reading the ids after the last it counted. Ids are drawn
 * before a transaction commits, so a forgery may become visible after one with a higher id: the next
 * read therefore looks back {@value #LOOK_BACK} ids and skips those already counted. Everything up to
 * {@code floor} (the last forgery a resumed checkpoint includes) counts as counted.
 */
final class CountedForgeries {

    static final int LOOK_BACK = 256;

    private final long floor;
    private final NavigableSet<Long> recent = new TreeSet<>();

    CountedForgeries(long floor) {
        this.floor = floor;
    }

    /** Read the scope's forgeries with ids above this one. */
    synchronized long readAfter() {
        return Math.max(floor, last() - LOOK_BACK);
    }

    /** Counts a forgery; false if it was counted already. */
    synchronized boolean count(long id) {
        if (id <= floor || !recent.add(id)) {
            return false;
        }
        recent.headSet(recent.last() - LOOK_BACK, true).clear();
        return true;
    }

    /** The highest id counted: what a checkpoint written now includes. */
    synchronized long last() {
        return recent.isEmpty() ? floor : Math.max(floor, recent.last());
    }
}
