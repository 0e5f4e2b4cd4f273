package org.adversarialarena.forge;

import org.adversarialarena.ml.detective.ForgeryScore;

/** What the server made of a submitted forgery: its stored id, its round and its verdict. */
public record Submission(long forgeryId, long roundId, long detectiveVersion, ForgeryScore score) {
}
