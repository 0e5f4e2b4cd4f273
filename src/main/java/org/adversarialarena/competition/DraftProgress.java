package org.adversarialarena.competition;

import java.util.List;

/** How far an entrant's draft set is: which of the set's {@code size} images have been saved. */
public record DraftProgress(int size, List<Integer> saved) {

    public DraftProgress {
        saved = List.copyOf(saved);
    }

    public int done() {
        return saved.size();
    }

    public boolean isSaved(int position) {
        return saved.contains(position);
    }
}
