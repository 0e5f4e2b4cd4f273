package org.adversarialarena.fool;

/** A level cannot be played on a dataset because a model it needs is not shipped. */
public class LevelUnavailableException extends RuntimeException {

    LevelUnavailableException(FoolLevel level, String dataset, String missing) {
        super("Level " + level.slug() + " on " + dataset + " is unavailable: " + missing + " is not shipped");
    }
}
