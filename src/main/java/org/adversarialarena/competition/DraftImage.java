package org.adversarialarena.competition;

/**
 * One image of an entrant's draft set, as the canvas needs it: the original and its true label, the
 * draft's current pixels (the original until one is saved), and the budget as per-pixel bounds and a
 * most-changed-pixels count (what the canvas enforces while drawing; the server checks again on save).
 */
public record DraftImage(int position, int size, int label, float[] original, float[] pixels, boolean saved,
        float[] lower, float[] upper, int maxChangedPixels) {
}
