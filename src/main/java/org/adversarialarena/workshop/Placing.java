package org.adversarialarena.workshop;

/** A place in a workshop's ranking. */
public record Placing(int rank, long seatId, String nickname, double points) {
}
