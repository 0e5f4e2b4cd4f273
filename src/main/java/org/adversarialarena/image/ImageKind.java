package org.adversarialarena.image;

/** What a stored image is in the games. */
public enum ImageKind {
    /** Drawn on the practice sketchpad. */
    SKETCH,
    /** A player's forgery submitted to the detective in Forge. */
    FORGERY,
    /** A player's or an attack's adversarial example in Fool. */
    ADVERSARIAL,
    /** Made by a trained generator. */
    GENERATED
}
