package org.adversarialarena.competition;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The board rules (Kaggle's), for both tracks: each competitor is ranked by their best scored entry on
 * the public half; once the competition is over, each competitor's final entry ({@link FinalEntries})
 * is ranked on the private half: the shake-up reveal. Before the end, the private board shows nothing;
 * during the freeze, others see only what was submitted before it; in a blind phase, a participant sees
 * only their own line; on an anonymous board, only the host sees others' names. The host always sees
 * the live public board. An attack's competitor is its entrant's team, or the entrant alone; it ranks by
 * success, then smaller mean perturbation, then earlier ({@link #ATTACKS}). A defense's competitor is
 * always its entrant (defenses are not pooled by team); it ranks by robust accuracy, then clean
 * accuracy, then earlier ({@link #DEFENSES}).
 */
public final class Boards {

    /**
     * Who is looking: the host, an entrant (by id) competing as {@code competitor} (their team, or
     * themselves), or anybody else.
     */
    public record Viewer(boolean host, @Nullable Competitor competitor, @Nullable Long entrantId) {

        static Viewer hosting() {
            return new Viewer(true, null, null);
        }

        static Viewer entrant(long id) {
            return new Viewer(false, Competitor.entrant(id), id);
        }

        static Viewer member(long entrantId, Competitor competitor) {
            return new Viewer(false, competitor, entrantId);
        }

        static Viewer anybody() {
            return new Viewer(false, null, null);
        }

        /** The host, else the entrant competing as {@code competitor}, else anybody. */
        static Viewer of(boolean host, @Nullable Entrant entrant, @Nullable Competitor competitor) {
            if (host) {
                return hosting();
            }
            return entrant == null || competitor == null ? anybody() : member(entrant.id(), competitor);
        }

        /** Whether an entry of {@code owner} is the viewer's own: their team's, or their own as an entrant. */
        boolean owns(Competitor owner) {
            return owner.equals(competitor) || entrantId != null && owner.equals(Competitor.entrant(entrantId));
        }
    }

    /** How a board ranks one kind of entry: whose it is, when it was made, and its order on each half (best first). */
    public record Rules<T>(Function<T, Competitor> competitor, Function<T, Instant> submittedAt, Comparator<T> byPublic,
            Comparator<T> byPrivate) {
    }

    /** An entry at its rank; {@code named}: the viewer may see whose it is. */
    public record Ranked<T>(int rank, T entry, boolean you, boolean named) {
    }

    /** A board of entries as one viewer may see it now (see {@link Board} for the flags). */
    public record Ranking<T>(boolean privateHalf, boolean frozen, boolean blind, List<Ranked<T>> rows) {
    }

    static final Rules<Submission> ATTACKS = new Rules<>(Submission::competitor, Submission::submittedAt,
            Comparator.comparing((Submission s) -> -nonNull(s.publicSuccess()))
                    .thenComparing(s -> nonNull(s.publicPerturbation()))
                    .thenComparing(Submission::submittedAt).thenComparing(Submission::id),
            Comparator.comparing((Submission s) -> -nonNull(s.privateSuccess()))
                    .thenComparing(s -> nonNull(s.privatePerturbation()))
                    .thenComparing(Submission::submittedAt).thenComparing(Submission::id));

    static final Rules<Defense> DEFENSES = new Rules<>(d -> Competitor.entrant(d.entrantId()), Defense::submittedAt,
            Comparator.comparing((Defense d) -> -nonNull(d.publicRobust()))
                    .thenComparing(d -> -nonNull(d.cleanAccuracy()))
                    .thenComparing(Defense::submittedAt).thenComparing(Defense::id),
            Comparator.comparing((Defense d) -> -nonNull(d.privateRobust()))
                    .thenComparing(d -> -nonNull(d.cleanAccuracy()))
                    .thenComparing(Defense::submittedAt).thenComparing(Defense::id));

    private Boards() {
    }

    static Board publicBoard(CompetitionSettings settings, List<Submission> submissions, Viewer viewer, Instant now) {
        return board(publicRanking(settings, scored(submissions), ATTACKS, viewer, now), false);
    }

    /**
     * Empty until the end; then each competitor's final attack ({@link FinalEntries#attacks}: their best
     * pick, else their best by public score) ranked on the private half.
     */
    static Board privateBoard(CompetitionSettings settings, List<Submission> submissions, Viewer viewer, Instant now) {
        return board(privateRanking(settings, FinalEntries.attacks(settings, submissions), ATTACKS, viewer, now), true);
    }

    /**
     * The live public ranking of scored entries: each competitor's best on the public half; frozen (only
     * entries made before the freeze) and blind (only the viewer's line) for everyone but the host.
     */
    static <T> Ranking<T> publicRanking(CompetitionSettings settings, List<T> scored, Rules<T> rules, Viewer viewer,
            Instant now) {
        boolean over = settings.isOver(now);
        boolean frozen = !over && !viewer.host() && !now.isBefore(settings.freezesAt());
        boolean blind = !over && !viewer.host()
                && settings.phaseAt(now).map(phase -> settings.phases().get(phase).blind()).orElse(false);
        List<T> counted = scored.stream()
                .filter(entry -> !frozen || rules.submittedAt().apply(entry).isBefore(settings.freezesAt()))
                .toList();
        List<T> best = new ArrayList<>(bestOfEach(counted, rules).values());
        best.sort(rules.byPublic());
        List<Ranked<T>> rows = ranked(best, rules, settings, viewer);
        if (blind) {
            rows = rows.stream().filter(Ranked::you).toList();
        }
        return new Ranking<>(false, frozen, blind, rows);
    }

    /** Empty until the end; then the competitors' final entries ({@code finals}, one each) ranked on the private half. */
    public static <T> Ranking<T> privateRanking(CompetitionSettings settings, List<T> finals, Rules<T> rules, Viewer viewer,
            Instant now) {
        if (!settings.isOver(now)) {
            return new Ranking<>(true, false, false, List.of());
        }
        List<T> chosen = new ArrayList<>(finals);
        chosen.sort(rules.byPrivate());
        return new Ranking<>(true, false, false, ranked(chosen, rules, settings, viewer));
    }

    /** Each competitor's entry that ranks best on the public half. */
    static <T> Map<Competitor, T> bestOfEach(List<T> scored, Rules<T> rules) {
        return bestOfEach(scored, rules.competitor(), rules.byPublic());
    }

    /**
     * What each competitor takes to the private board and the matrix: when the competition lets them
     * pick final submissions and they picked scored ones, the best of those on the private half (Kaggle's
     * rule); otherwise their best by public score.
     */
    static Map<Competitor, Submission> finalChoices(List<Submission> scored, int finalPicks) {
        Map<Competitor, Submission> choices = bestOfEach(scored, ATTACKS);
        if (finalPicks > 0) {
            Map<Competitor, Submission> picked = bestOfEach(scored.stream().filter(Submission::picked).toList(),
                    ATTACKS.competitor(), ATTACKS.byPrivate());
            choices.replaceAll((competitor, best) -> picked.getOrDefault(competitor, best));
        }
        return choices;
    }

    /** Who is looking at {@code viewing}'s boards. */
    public static Viewer viewerOf(Viewing viewing) {
        return Viewer.of(viewing.host(), viewing.entrant(), viewing.competitor());
    }

    static List<Submission> scored(List<Submission> submissions) {
        return submissions.stream().filter(s -> s.status() == SubmissionStatus.SCORED).toList();
    }

    private static <T> Map<Competitor, T> bestOfEach(List<T> scored, Function<T, Competitor> owner, Comparator<T> order) {
        Map<Competitor, T> best = new LinkedHashMap<>();
        for (T entry : scored) {
            best.merge(owner.apply(entry), entry, (a, b) -> order.compare(a, b) <= 0 ? a : b);
        }
        return best;
    }

    private static <T> List<Ranked<T>> ranked(List<T> ordered, Rules<T> rules, CompetitionSettings settings,
            Viewer viewer) {
        List<Ranked<T>> rows = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            T entry = ordered.get(i);
            boolean you = viewer.owns(rules.competitor().apply(entry));
            rows.add(new Ranked<>(i + 1, entry, you, !settings.anonymousBoard() || viewer.host() || you));
        }
        return rows;
    }

    private static Board board(Ranking<Submission> ranking, boolean privateHalf) {
        List<BoardRow> rows = ranking.rows().stream().map(row -> {
            Submission s = row.entry();
            return new BoardRow(row.rank(), s.entrantId(), row.named() ? s.competitorName() : null, row.you(), s.id(),
                    nonNull(privateHalf ? s.privateSuccess() : s.publicSuccess()),
                    nonNull(privateHalf ? s.privatePerturbation() : s.publicPerturbation()), s.submittedAt());
        }).toList();
        return new Board(ranking.privateHalf(), ranking.frozen(), ranking.blind(), rows);
    }

    private static double nonNull(@Nullable Double value) {
        return value == null ? 0 : value;
    }
}
