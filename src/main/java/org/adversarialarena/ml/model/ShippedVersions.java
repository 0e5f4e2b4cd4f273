package org.adversarialarena.ml.model;

import java.util.function.IntPredicate;

/**
 * Shipped networks are numbered v1, v2, … without gaps, and the games play the newest: a new version
 * ships only to take the place of the one in play, and the older ones stay so that what was played
 * against them can be judged again.
 */
public final class ShippedVersions {

    private ShippedVersions() {
    }

    /** The highest version for which {@code isShipped} holds, counting up from 1; 0 if none ships. */
    public static int newest(IntPredicate isShipped) {
        int version = 0;
        while (isShipped.test(version + 1)) {
            version++;
        }
        return version;
    }
}
