package org.adversarialarena.competition.forgetrack;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.adversarialarena.base.live.LivePublisher;
import org.adversarialarena.competition.Competition;
import org.adversarialarena.competition.CompetitionService;
import org.adversarialarena.competition.CompetitionSettings;
import org.adversarialarena.competition.CompetitionStore;
import org.adversarialarena.competition.Entrant;
import org.adversarialarena.competition.ForgeTrack;
import org.adversarialarena.forge.ForgeService;
import org.adversarialarena.forge.Forgery;
import org.adversarialarena.forge.Reverdict;
import org.adversarialarena.ml.image.ImagePng;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a worker does with an execution of the {@code competition-forge} task, at a competition's end:
 * the Forge game's final verdict (every forgery of the window judged again by the global detective as
 * it is now) kept to the track's prompt and the entrants' own forgeries, each entrant's best recorded in
 * one short transaction after the judging, and announced on the live topic.
 */
@Component
class ForgeContestJob {

    private static final Logger LOG = LoggerFactory.getLogger(ForgeContestJob.class);

    private final CompetitionStore competitions;
    private final ForgeContestStore store;
    private final ForgeService forge;
    private final LivePublisher publisher;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ForgeContestJob(CompetitionStore competitions, ForgeContestStore store, ForgeService forge, LivePublisher publisher,
            TransactionTemplate transaction, Clock clock) {
        this.competitions = competitions;
        this.store = store;
        this.forge = forge;
        this.publisher = publisher;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Does nothing for a competition that is gone, has no Forge track or is not over yet. */
    void judge(long competitionId) {
        Optional<Competition> found = competitions.competition(competitionId);
        Optional<ForgeTrack> track = store.track(competitionId);
        if (found.isEmpty() || track.isEmpty() || !found.get().settings().isOver(clock.instant())) {
            LOG.info("Competition {} is gone, has no Forge track or is not over: nothing to judge", competitionId);
            return;
        }
        CompetitionSettings settings = found.get().settings();
        long started = System.nanoTime();
        List<Reverdict> verdicts = forge.finalVerdict(track.get().dataset(), settings.startsAt(), settings.endsAt());
        List<ForgeResult> results = bestOfEach(store.entrants(competitionId), track.get().prompt(), verdicts);
        LOG.info("Forge track of competition {}: {} forgeries judged again, {} entrants ranked in {} ms", competitionId,
                verdicts.size(), results.size(), (System.nanoTime() - started) / 1_000_000);
        transaction.executeWithoutResult(status -> {
            store.replaceResults(competitionId, results, clock.instant());
            publisher.publish(CompetitionService.TOPIC, competitionId, competitions.bumpVersion(competitionId));
        });
    }

    /** Each entrant's best re-judged forgery of the prompt; {@code bestFirst} is the final verdict's order. */
    static List<ForgeResult> bestOfEach(List<Entrant> entrants, int prompt, List<Reverdict> bestFirst) {
        Map<Long, Entrant> byPlayer = entrants.stream().collect(Collectors.toMap(Entrant::playerId, Function.identity()));
        Set<Long> ranked = new HashSet<>();
        List<ForgeResult> results = new ArrayList<>();
        for (Reverdict verdict : bestFirst) {
            Forgery forgery = verdict.forgery();
            Entrant entrant = byPlayer.get(forgery.playerId());
            if (entrant != null && forgery.promptClass() == prompt && ranked.add(entrant.id())) {
                results.add(new ForgeResult(entrant.id(), entrant.nickname(), forgery.id(), verdict.points(),
                        verdict.realProbability(), forgery.created(), ImagePng.toPng(forgery.pixels())));
            }
        }
        return results;
    }
}
