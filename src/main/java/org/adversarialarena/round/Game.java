package org.adversarialarena.round;

/** The games a round can belong to. */
public enum Game {
    FOOL, FORGE, LAB, JUDGE
}
