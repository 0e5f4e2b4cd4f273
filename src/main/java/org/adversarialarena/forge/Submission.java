package org.adversarialarena.forge;

import org.adversarialarena.ml.detective.DetectiveVerdict;

/** What the server made of a submitted forgery: its stored id, its round and its verdict. */
public record Submission(long forgeryId, long roundId, long detectiveVersion, DetectiveVerdict score) {
}
