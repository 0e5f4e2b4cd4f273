package org.adversarialarena.workshop;

/** A student who took a seat: the seat, and the token their browser keeps to come back to it. */
public record Joined(long runId, long seatId, String seatToken) {
}
