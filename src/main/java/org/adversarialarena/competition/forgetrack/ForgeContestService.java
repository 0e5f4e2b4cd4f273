package org.adversarialarena.competition.forgetrack;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.adversarialarena.competition.Boards;
import org.adversarialarena.competition.CompetitionSettings;
import org.adversarialarena.competition.Competitor;
import org.adversarialarena.competition.Entrant;
import org.adversarialarena.competition.ForgeTrackHosted;
import org.adversarialarena.competition.Viewing;
import org.adversarialarena.forge.ForgeService;
import org.adversarialarena.ml.image.ImagePng;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Forge tracks (docs/competitions.md, "Forge track"): entrants play the Forge game during the contest;
 * at the end the {@code competition-forge} job ranks each one's best forgery of the prompt as judged
 * again by the detective that has learned from everybody. The board follows the private board's rules
 * ({@link Boards#privateRanking}): empty before the end, names hidden on an anonymous board.
 */
@Service
public class ForgeContestService {

    /** Best points first, then the earlier forgery. */
    static final Boards.Rules<ForgeResult> FORGERIES = new Boards.Rules<>(r -> Competitor.entrant(r.entrantId()),
            ForgeResult::forgedAt, order(), order());

    private final ForgeContestStore store;
    private final ForgeContestQueue queue;
    private final ForgeService forge;

    ForgeContestService(ForgeContestStore store, ForgeContestQueue queue, ForgeService forge) {
        this.store = store;
        this.queue = queue;
        this.forge = forge;
    }

    /** The Forge track of the competition being viewed, as its viewer may see it now; empty without one. */
    public Optional<ForgeStanding> standing(Viewing viewing) {
        long competitionId = viewing.competition().id();
        return store.track(competitionId).map(track -> {
            CompetitionSettings settings = viewing.competition().settings();
            Instant now = viewing.now();
            Entrant entrant = viewing.entrant();
            @Nullable Long own = entrant == null ? null : forge.forgeriesOf(entrant.playerId(), track.dataset(),
                    track.prompt(), settings.startsAt(), now.isBefore(settings.endsAt()) ? now : settings.endsAt());
            List<ForgeStanding.Row> rows = Boards.privateRanking(settings, store.results(competitionId), FORGERIES,
                    Boards.viewerOf(viewing), now).rows().stream()
                    .map(row -> new ForgeStanding.Row(row.rank(), row.named() ? row.entry().nickname() : null, row.you(),
                            row.entry().score(), ImagePng.fromPng(row.entry().png())))
                    .toList();
            return new ForgeStanding(track, own, viewing.over(), store.judged(competitionId), rows);
        });
    }

    /** Stores a new competition's Forge track and schedules its judging for the end, in the hosting transaction. */
    @EventListener
    void hosted(ForgeTrackHosted hosted) {
        store.saveTrack(hosted.competitionId(), hosted.track());
        queue.atEnd(hosted.competitionId(), hosted.endsAt());
    }

    private static Comparator<ForgeResult> order() {
        return Comparator.comparingDouble((ForgeResult r) -> -r.score()).thenComparing(ForgeResult::forgedAt)
                .thenComparingLong(ForgeResult::forgeryId);
    }
}
