package org.adversarialarena.competition;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The board rules (Kaggle's): each entrant is ranked by their best scored submission on the public
 * half (higher success, then smaller mean perturbation, then earlier); once the competition is over,
 * that same submission is ranked on the private half: the shake-up reveal. Before the end, the
 * private board shows nothing; during the freeze, others see only what was submitted before it; in a
 * blind phase, a participant sees only their own line. The host always sees the live public board.
 */
final class Boards {

    /** Who is looking: the host, an entrant (by id), or anybody else. */
    record Viewer(boolean host, @Nullable Long entrantId) {

        static Viewer hosting() {
            return new Viewer(true, null);
        }

        static Viewer entrant(long id) {
            return new Viewer(false, id);
        }

        static Viewer anybody() {
            return new Viewer(false, null);
        }
    }

    private static final Comparator<Submission> BY_PUBLIC = Comparator
            .comparing((Submission s) -> -nonNull(s.publicSuccess()))
            .thenComparing(s -> nonNull(s.publicPerturbation()))
            .thenComparing(Submission::submittedAt).thenComparing(Submission::id);

    private static final Comparator<Submission> BY_PRIVATE = Comparator
            .comparing((Submission s) -> -nonNull(s.privateSuccess()))
            .thenComparing(s -> nonNull(s.privatePerturbation()))
            .thenComparing(Submission::submittedAt).thenComparing(Submission::id);

    private Boards() {
    }

    static Board publicBoard(CompetitionSettings settings, List<Submission> submissions, Viewer viewer, Instant now) {
        boolean over = settings.isOver(now);
        boolean frozen = !over && !viewer.host() && !now.isBefore(settings.freezesAt());
        boolean blind = !over && !viewer.host()
                && settings.phaseAt(now).map(phase -> settings.phases().get(phase).blind()).orElse(false);
        List<Submission> counted = submissions.stream()
                .filter(s -> s.status() == SubmissionStatus.SCORED)
                .filter(s -> !frozen || s.submittedAt().isBefore(settings.freezesAt()))
                .toList();
        List<Submission> best = new ArrayList<>(bestOfEach(counted).values());
        best.sort(BY_PUBLIC);
        List<BoardRow> rows = rows(best, settings, viewer, false);
        if (blind) {
            rows = rows.stream().filter(BoardRow::you).toList();
        }
        return new Board(false, frozen, blind, rows);
    }

    /** Empty until the end; then each entrant's submission chosen by the public score, ranked on the private half. */
    static Board privateBoard(CompetitionSettings settings, List<Submission> submissions, Viewer viewer, Instant now) {
        if (!settings.isOver(now)) {
            return new Board(true, false, false, List.of());
        }
        List<Submission> chosen = new ArrayList<>(bestOfEach(submissions.stream()
                .filter(s -> s.status() == SubmissionStatus.SCORED).toList()).values());
        chosen.sort(BY_PRIVATE);
        return new Board(true, false, false, rows(chosen, settings, viewer, true));
    }

    /** Each entrant's submission that ranks best on the public half (their pick for the private board). */
    static Map<Long, Submission> bestOfEach(List<Submission> scored) {
        Map<Long, Submission> best = new LinkedHashMap<>();
        for (Submission submission : scored) {
            best.merge(submission.entrantId(), submission, (a, b) -> BY_PUBLIC.compare(a, b) <= 0 ? a : b);
        }
        return best;
    }

    static Optional<Submission> bestOf(List<Submission> scored, long entrantId) {
        return Optional.ofNullable(bestOfEach(scored.stream().filter(s -> s.status() == SubmissionStatus.SCORED)
                .filter(s -> s.entrantId() == entrantId).toList()).get(entrantId));
    }

    private static List<BoardRow> rows(List<Submission> ranked, CompetitionSettings settings, Viewer viewer,
            boolean privateHalf) {
        List<BoardRow> rows = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            Submission s = ranked.get(i);
            boolean you = viewer.entrantId() != null && viewer.entrantId() == s.entrantId();
            String name = settings.anonymousBoard() && !viewer.host() && !you ? null : s.nickname();
            rows.add(new BoardRow(i + 1, s.entrantId(), name, you, s.id(),
                    nonNull(privateHalf ? s.privateSuccess() : s.publicSuccess()),
                    nonNull(privateHalf ? s.privatePerturbation() : s.publicPerturbation()), s.submittedAt()));
        }
        return rows;
    }

    private static double nonNull(@Nullable Double value) {
        return value == null ? 0 : value;
    }
}
