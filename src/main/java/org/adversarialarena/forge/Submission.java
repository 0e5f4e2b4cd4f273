package org.adversarialarena.forge;

import org.adversarialarena.ml.detective.DetectiveVerdict;

/** What the server made of a submitted forgery: its stored id, its round (-1 for a workshop's unranked one) and its verdict. */
public record Submission(long forgeryId, long roundId, long detectiveVersion, DetectiveVerdict score) {
}
