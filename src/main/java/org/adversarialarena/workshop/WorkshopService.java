package org.adversarialarena.workshop;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.adversarialarena.account.AccountRole;
import org.adversarialarena.account.AccountService;
import org.adversarialarena.account.AccountSummary;
import org.adversarialarena.audit.AuditLog;
import org.adversarialarena.audit.AuditType;
import org.adversarialarena.base.live.LiveListener;
import org.adversarialarena.base.live.LivePublisher;
import org.adversarialarena.base.live.LiveTopic;
import org.adversarialarena.base.live.ReloadingFeed;
import org.adversarialarena.base.live.Subscription;
import org.adversarialarena.base.security.SecretToken;
import org.adversarialarena.fool.AttemptOutcome;
import org.adversarialarena.fool.Challenge;
import org.adversarialarena.fool.ChallengeImage;
import org.adversarialarena.fool.FoolService;
import org.adversarialarena.fool.GalleryItem;
import org.adversarialarena.forge.DetectiveScope;
import org.adversarialarena.forge.ForgeService;
import org.adversarialarena.forge.Forgery;
import org.adversarialarena.forge.LiveVerdict;
import org.adversarialarena.forge.Submission;
import org.adversarialarena.ml.detective.DetectiveVerdict;
import org.adversarialarena.player.Player;
import org.adversarialarena.player.PlayerService;
import org.adversarialarena.quota.Admission;
import org.adversarialarena.quota.LimitReachedException;
import org.adversarialarena.quota.RateLimit;
import org.adversarialarena.quota.RateLimiter;
import org.adversarialarena.round.RoundService;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Workshops: an instructor's saved plans, and their runs with a class. Instructors see and run only
 * their own plans and runs, admins everyone's (checked here, on the data, not only by the pages).
 * Students join a run with its code and a nickname and keep a seat token; every Fool round is judged
 * by {@link FoolService} (the server decides success and points), with challenges that stay off the
 * global boards; every Forge round by {@link ForgeService} against the run's own class detective, with
 * forgeries that stay off them too. Every change to a run raises its version and announces it on the live topic
 * {@code workshop} inside its transaction; every screen of the run then reloads its state.
 *
 * <p>A round closes at its stored deadline ({@link #closeDueRounds}, called on every node by
 * {@link RoundCloser}), when the host ends it, or when every student in the room has submitted.
 */
@Service
@EnableConfigurationProperties(WorkshopProperties.class)
public class WorkshopService {

    private static final Logger log = LoggerFactory.getLogger(WorkshopService.class);
    public static final LiveTopic<Long> TOPIC = LiveTopic.of("workshop", String::valueOf);
    private static final String HOST = "hasAnyRole('ADMIN', 'INSTRUCTOR')";
    public static final int MAX_STUDENT_ID_LENGTH = 64;
    static final int BEST_SHOWN = 3;
    private static final int CODE_ATTEMPTS = 20;

    private final WorkshopStore store;
    private final AccountService accounts;
    private final PlayerService players;
    private final FoolService fool;
    private final ForgeService forge;
    private final RoundService rounds;
    private final AuditLog audit;
    private final RateLimiter limiter;
    private final LivePublisher publisher;
    private final ReloadingFeed<Long, Optional<RunState>> feed;
    private final TransactionTemplate transaction;
    private final WorkshopProperties properties;
    private final Clock clock;
    private final RateLimit joinsPerAddress;
    private final RateLimit joinsPerCode;
    private final NicknameSuggestions suggestions = new NicknameSuggestions();

    WorkshopService(WorkshopStore store, AccountService accounts, PlayerService players, FoolService fool,
            ForgeService forge, RoundService rounds, AuditLog audit, RateLimiter limiter, LivePublisher publisher, LiveListener listener,
            TransactionTemplate transaction, WorkshopProperties properties, Clock clock) {
        this.store = store;
        this.accounts = accounts;
        this.players = players;
        this.fool = fool;
        this.forge = forge;
        this.rounds = rounds;
        this.audit = audit;
        this.limiter = limiter;
        this.publisher = publisher;
        this.feed = listener.feed(TOPIC, store::state);
        this.transaction = transaction;
        this.properties = properties;
        this.clock = clock;
        this.joinsPerAddress = new RateLimit("workshop-joins-address", properties.joinsPerAddress(), properties.joinWindow());
        this.joinsPerCode = new RateLimit("workshop-joins-code", properties.joinsPerCode(), properties.joinWindow());
    }

    // ---- plans (instructor) ----

    /** The signed-in instructor's plans; an admin's list has everyone's. */
    @PreAuthorize(HOST)
    public List<PlanSummary> plans() {
        AccountSummary me = accounts.me();
        return store.plans(isAdmin(me) ? null : me.id());
    }

    @PreAuthorize(HOST)
    public Plan plan(long planId) {
        requireOwnPlan(planId);
        return store.plan(planId).orElseThrow(WorkshopService::notFound);
    }

    /** Saves a new plan (no id) for the signed-in instructor, or changes one of theirs; returns its id. */
    @PreAuthorize(HOST)
    public long save(Plan plan) {
        plan.requireValid();
        for (RoundSettings round : plan.rounds()) {
            if (!round.isForge() && !fool.isAvailable(round.level(), round.dataset())) {
                throw refused("workshop.refused.unavailable", "A network this round needs is not shipped",
                        round.level().number(), round.dataset().slug());
            }
        }
        Long id = plan.id();
        if (id == null) {
            return store.insertPlan(accounts.me().id(), plan, clock.instant());
        }
        requireOwnPlan(id);
        store.updatePlan(id, plan, clock.instant());
        return id;
    }

    /** A copy of one of the instructor's plans, named as a copy, owned by the one who copies it. */
    @PreAuthorize(HOST)
    public long duplicate(long planId) {
        Plan original = plan(planId);
        String name = "Copy of " + original.name();
        Plan copy = new Plan(null, name.length() > Plan.MAX_NAME_LENGTH ? name.substring(0, Plan.MAX_NAME_LENGTH) : name,
                original.lateJoin(), original.leaderboard(), original.askStudentId(), original.rounds(), original.teams());
        return store.insertPlan(accounts.me().id(), copy, clock.instant());
    }

    @PreAuthorize(HOST)
    public void delete(long planId) {
        requireOwnPlan(planId);
        store.deletePlan(planId);
    }

    // ---- runs (host) ----

    /** Opens a run of the plan in its lobby, with a fresh join code; returns the run's id. */
    @PreAuthorize(HOST)
    public long open(long planId) {
        Plan plan = plan(planId);
        long owner = accounts.me().id();
        for (int attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
            String code = JoinCodes.next();
            try {
                return transaction.execute(status -> {
                    long runId = store.insertRun(planId, owner, plan, code, clock.instant());
                    publisher.publish(TOPIC, runId, 0);
                    return runId;
                });
            } catch (DuplicateKeyException e) {
                // another open run holds this code: draw again
            }
        }
        throw new IllegalStateException("No free join code after " + CODE_ATTEMPTS + " draws");
    }

    /** The signed-in instructor's runs, newest first (an admin's: everyone's). */
    @PreAuthorize(HOST)
    public List<RunSummary> runs() {
        AccountSummary me = accounts.me();
        return store.runs(isAdmin(me) ? null : me.id());
    }

    /** A run as the host's screens show it, if it is the signed-in instructor's (or they are an admin). */
    @PreAuthorize(HOST)
    public RunState hostState(long runId) {
        requireOwnRun(runId);
        return state(runId);
    }

    /**
     * Starts the next round: from the lobby the first, after a reveal the next. On a same-image round
     * the image is chosen first (a model run), outside the run's lock.
     */
    @PreAuthorize(HOST)
    public void startNextRound(long runId) {
        requireOwnRun(runId);
        WorkshopStore.RunRow before = store.run(runId).orElseThrow(WorkshopService::notFound);
        int next = before.roundIndex() + 1;
        if (!(before.phase() == Phase.LOBBY || before.phase() == Phase.CLOSED) || next >= before.rounds()) {
            throw refused("workshop.refused.no-next-round", "There is no round to start now");
        }
        RoundSettings round = state(runId).rounds().get(next);
        ChallengeImage image = round.sameImage() ? fool.pickImage(round.level(), round.dataset()) : null;
        change(runId, run -> {
            if (run.roundIndex() != before.roundIndex() || run.phase() != before.phase()) {
                throw refused("workshop.refused.changed", "The run changed meanwhile; look again");
            }
            Instant now = clock.instant();
            store.roundStarted(runId, next, image, now);
            return store.setPhase(runId, Phase.OPEN, next, now.plusSeconds(round.timeLimitSeconds()), 0);
        });
    }

    @PreAuthorize(HOST)
    public void pause(long runId) {
        requireOwnRun(runId);
        change(runId, run -> {
            Instant deadline = run.deadline();
            if (run.phase() != Phase.OPEN || deadline == null) {
                throw refused("workshop.refused.not-open", "No round is open");
            }
            long left = Math.max(0, Duration.between(clock.instant(), deadline).toMillis());
            return store.setPhase(runId, Phase.PAUSED, run.roundIndex(), null, left);
        });
    }

    @PreAuthorize(HOST)
    public void resume(long runId) {
        requireOwnRun(runId);
        change(runId, run -> {
            if (run.phase() != Phase.PAUSED) {
                throw refused("workshop.refused.not-paused", "The round is not paused");
            }
            return store.setPhase(runId, Phase.OPEN, run.roundIndex(), clock.instant().plusMillis(run.remainingMs()), 0);
        });
    }

    /** More time for the current round, open or paused. */
    @PreAuthorize(HOST)
    public void extend(long runId, Duration more) {
        requireOwnRun(runId);
        change(runId, run -> {
            Instant deadline = run.deadline();
            if (run.phase() == Phase.OPEN && deadline != null) {
                return store.setPhase(runId, Phase.OPEN, run.roundIndex(), deadline.plus(more), 0);
            }
            if (run.phase() == Phase.PAUSED) {
                return store.setPhase(runId, Phase.PAUSED, run.roundIndex(), null, run.remainingMs() + more.toMillis());
            }
            throw refused("workshop.refused.not-open", "No round is open");
        });
    }

    /** Ends the current round now: the reveal follows. */
    @PreAuthorize(HOST)
    public void endRound(long runId) {
        requireOwnRun(runId);
        change(runId, run -> {
            if (!run.phase().inRound()) {
                throw refused("workshop.refused.not-open", "No round is open");
            }
            return close(run);
        });
    }

    /** Ends the workshop (a round under way closes first): the podium follows, and the code is free again. */
    @PreAuthorize(HOST)
    public void finish(long runId) {
        requireOwnRun(runId);
        change(runId, run -> {
            if (run.phase() == Phase.FINISHED) {
                throw refused("workshop.refused.finished", "The workshop has ended");
            }
            if (run.phase().inRound()) {
                store.roundClosed(runId, run.roundIndex(), clock.instant());
            }
            store.finished(runId, clock.instant());
            retireClassDetectivesAfterCommit(runId);
            return store.setPhase(runId, Phase.FINISHED, run.roundIndex(), null, 0);
        });
    }

    /** Takes the student out of the workshop; they may join again (as a new seat). */
    @PreAuthorize(HOST)
    public void kick(long runId, long seatId) {
        empty(runId, seatId, SeatStatus.KICKED);
    }

    /** Takes the student out for good: their browser's token and session cannot join this run again. */
    @PreAuthorize(HOST)
    public void ban(long runId, long seatId) {
        empty(runId, seatId, SeatStatus.BANNED);
    }

    private void empty(long runId, long seatId, SeatStatus status) {
        requireOwnRun(runId);
        WorkshopStore.SeatRow seat = store.seat(seatId).filter(s -> s.runId() == runId).orElseThrow(WorkshopService::notFound);
        change(runId, run -> {
            store.setSeatStatus(seat.id(), status);
            audit.record(status == SeatStatus.BANNED ? AuditType.WORKSHOP_BAN : AuditType.WORKSHOP_KICK, seat.nickname(),
                    "workshop run " + runId);
            if (run.phase() == Phase.OPEN && store.waitingFor(runId, run.roundIndex()) == 0) {
                close(run);
            }
            return store.bumpVersion(runId);
        });
    }

    /**
     * Puts the finished workshop's successes on the global leaderboards, once: each as a round scored
     * on its level's board (the instructor's choice; by default workshop rounds stay off them).
     */
    @PreAuthorize(HOST)
    public int publish(long runId) {
        requireOwnRun(runId);
        RunState state = state(runId);
        if (state.phase() != Phase.FINISHED || state.published()) {
            throw refused("workshop.refused.publish", "Only a finished workshop is published, and only once");
        }
        Map<Long, Long> playerOfSeat = store.seatPlayers(runId).stream()
                .collect(Collectors.toMap(pair -> pair[0], pair -> pair[1]));
        int[] published = {0};
        transaction.executeWithoutResult(status -> {
            for (EntryResult entry : store.results(runId, -1)) {
                RoundSettings round = state.rounds().get(entry.roundIndex());
                // Forge rounds stay off the global boards: their forgeries were judged by the class detective.
                if (!round.isForge() && entry.success() && entry.points() > 0) {
                    Player player = players.find(playerOfSeat.get(entry.seatId())).orElseThrow();
                    rounds.record(FoolService.board(round.level(), round.dataset()), player, entry.points());
                    published[0]++;
                }
            }
            store.markPublished(runId);
            audit.record(AuditType.WORKSHOP_PUBLISHED, null, "workshop run " + runId + ": " + published[0] + " successes");
            publisher.publish(TOPIC, runId, store.bumpVersion(runId));
        });
        return published[0];
    }

    /** The run's results as CSV: one row per student per round played (docs/workshops.md). */
    @PreAuthorize(HOST)
    public String exportCsv(long runId) {
        requireOwnRun(runId);
        RunState state = state(runId);
        audit.record(AuditType.WORKSHOP_EXPORT, null, "workshop run " + runId + " as CSV, " + state.seats().size()
                + " students");
        return WorkshopExport.csv(state, store.results(runId, -1));
    }

    /**
     * The run's submitted images as a ZIP: one PNG per submission (a Fool round's adversarial image, a
     * Forge round's forgery), in a folder per round, named by nickname; refused past
     * {@code arena.workshops.export-max-bytes} (docs/workshops.md).
     */
    @PreAuthorize(HOST)
    public byte[] exportImages(long runId) {
        requireOwnRun(runId);
        RunState state = state(runId);
        ImageArchive archive = new ImageArchive(properties.exportMaxBytes().toBytes());
        List<EntryResult> submitted = store.results(runId, -1).stream().filter(EntryResult::didSubmit).toList();
        for (int round = 0; round < state.rounds().size(); round++) {
            int index = round;
            List<EntryResult> entries = submitted.stream().filter(e -> e.roundIndex() == index).toList();
            if (!entries.isEmpty()) {
                addImages(archive, state, round, entries);
            }
        }
        audit.record(AuditType.WORKSHOP_EXPORT, null, "workshop run " + runId + " as a ZIP of " + archive.images()
                + " images");
        return archive.finish();
    }

    private void addImages(ImageArchive archive, RunState state, int round, List<EntryResult> entries) {
        RoundSettings settings = state.rounds().get(round);
        String folder = ImageArchive.folder(round, settings);
        if (settings.isForge()) {
            Map<Long, Forgery> forgeries = forge.forgeries(WorkshopStore.forgeryIds(entries)).stream()
                    .collect(Collectors.toMap(Forgery::id, forgery -> forgery));
            for (EntryResult entry : entries) {
                Forgery forgery = entry.forgeryId() == null ? null : forgeries.get(entry.forgeryId());
                if (forgery != null) {
                    archive.add(folder, nicknameOf(state, entry), forgery.pixels());
                }
            }
            return;
        }
        // One read per round; an entry's attempt cannot be missing (a foreign key without cascade), so the lists align.
        List<EntryResult> judged = entries.stream().filter(entry -> entry.attemptId() != null).toList();
        List<GalleryItem> items = fool.attempts(WorkshopStore.ids(judged));
        for (int i = 0; i < items.size(); i++) {
            archive.add(folder, nicknameOf(state, judged.get(i)), items.get(i).adversarial());
        }
    }

    private static String nicknameOf(RunState state, EntryResult entry) {
        return state.seat(entry.seatId()).map(SeatState::nickname).orElse("seat-" + entry.seatId());
    }

    // ---- live ----

    /** Hands {@code listener} the run's state after each of its changes, until closed. */
    public Subscription follow(long runId, Consumer<RunState> listener) {
        return feed.follow(runId, state -> state.ifPresent(listener));
    }

    /** The run's state now (for screens that already hold a right to it: the host's checked, a student's seat). */
    public RunState state(long runId) {
        return store.state(runId).orElseThrow(WorkshopService::notFound);
    }

    /**
     * Closes every open round whose deadline has passed and announces it. Runs on every node: the
     * lock and the phase check make a second close of the same round a no-op.
     */
    public int closeDueRounds() {
        int closed = 0;
        for (long runId : store.dueRuns(clock.instant())) {
            Boolean done = transaction.execute(status -> store.lockRun(runId)
                    .filter(run -> run.phase() == Phase.OPEN && run.deadline() != null
                            && !run.deadline().isAfter(clock.instant()))
                    .map(run -> {
                        publisher.publish(TOPIC, runId, close(run));
                        return true;
                    }).orElse(false));
            closed += Boolean.TRUE.equals(done) ? 1 : 0;
        }
        return closed;
    }

    // ---- students ----

    /** A nickname to offer: generated, not taken in the run of {@code code} (if the code opens one). */
    public String suggestNickname(String code) {
        Optional<Long> run = JoinCodes.isWellFormed(JoinCodes.normalise(code)) ? store.runByCode(JoinCodes.normalise(code))
                : Optional.empty();
        String suggestion = suggestions.next();
        for (int i = 0; i < 5 && run.isPresent() && store.nicknameTaken(run.get(), suggestion); i++) {
            suggestion = suggestions.next();
        }
        return suggestion;
    }

    /**
     * Seats a student in the run the code opens. Refuses (storing nothing) past the join limits per
     * address and per code, for an unknown code, when the run has started and takes no late joiners,
     * for a browser banned from it, a nickname taken in it (case-insensitively) or refused by the
     * nickname filter, and a missing student id where the run asks for one.
     */
    public Joined join(JoinRequest request) {
        String code = JoinCodes.normalise(request.code());
        String address = request.address();
        if (address != null) {
            admit(joinsPerAddress, address);
        }
        if (!JoinCodes.isWellFormed(code)) {
            throw refused("workshop.refused.code", "No workshop has this code");
        }
        admit(joinsPerCode, code);
        long runId = store.runByCode(code).orElseThrow(() -> refused("workshop.refused.code", "No workshop has this code"));
        WorkshopStore.RunRow run = store.run(runId).orElseThrow(WorkshopService::notFound);
        if (!run.lateJoin() && run.phase() != Phase.LOBBY) {
            throw refused("workshop.refused.started", "This workshop has started and takes no late joiners");
        }
        String previous = request.previousToken();
        String previousHash = SecretToken.isWellFormed(previous) && previous != null ? SecretToken.hash(previous) : null;
        if (store.banned(runId, previousHash, request.sessionKey())) {
            throw refused("workshop.refused.banned", "This browser was removed from the workshop");
        }
        String studentId = studentId(run, request.studentId());
        String nickname = request.nickname().strip();
        if (store.nicknameTaken(runId, nickname)) {
            throw refused("workshop.refused.nickname-taken", "Someone in the workshop has this nickname",
                    suggestNickname(code));
        }
        Player player = players.join(nickname);
        String token = SecretToken.create();
        Long playerId = player.getId();
        if (playerId == null) {
            throw new IllegalStateException("A joined player has no id");
        }
        try {
            Long seatId = transaction.execute(status -> {
                // Under the run's lock, so two students joining at once cannot both take a team's last place.
                WorkshopStore.RunRow locked = store.lockRun(runId).orElseThrow(WorkshopService::notFound);
                long id = store.insertSeat(runId, playerId, player.getNickname(), studentId, SecretToken.hash(token),
                        request.sessionKey(), clock.instant(), teamFor(locked, request.team()));
                publisher.publish(TOPIC, runId, store.bumpVersion(runId));
                return id;
            });
            return new Joined(runId, seatId == null ? -1 : seatId, token);
        } catch (DuplicateKeyException e) {
            throw refused("workshop.refused.nickname-taken", "Someone in the workshop has this nickname",
                    suggestNickname(code));
        }
    }

    /** The team a joining student sits in: none, the one the server places them in, or the one they chose. */
    private @Nullable Integer teamFor(WorkshopStore.RunRow run, @Nullable Integer chosen) {
        Teams teams = run.teams();
        if (!teams.enabled()) {
            return null;
        }
        Map<Integer, Integer> members = store.teamMembers(run.id());
        return teams.chosen() ? TeamPlacement.chosen(members, teams.size(), chosen)
                : TeamPlacement.balanced(members, teams.size());
    }

    /**
     * The teams a student may choose when joining the run of {@code code}: those with room, then a new
     * one; empty when the code opens no run, or its run has no teams or places students itself.
     */
    public List<Integer> teamChoices(String code) {
        String normalised = JoinCodes.normalise(code);
        if (!JoinCodes.isWellFormed(normalised)) {
            return List.of();
        }
        return store.runByCode(normalised).flatMap(store::run).filter(run -> run.teams().chosen())
                .map(run -> TeamPlacement.choices(store.teamMembers(run.id()), run.teams().size())).orElse(List.of());
    }

    /** The seat a browser's token belongs to, while it is taken: a kicked or banned seat's token finds nothing. */
    public Optional<Seat> resume(@Nullable String token) {
        if (!SecretToken.isWellFormed(token) || token == null) {
            return Optional.empty();
        }
        return store.seatByToken(SecretToken.hash(token)).filter(seat -> seat.status() == SeatStatus.ACTIVE)
                .map(seat -> new Seat(seat.runId(), seat.id(), seat.nickname()));
    }

    /** A student's seat: the run, the seat and the nickname. */
    public record Seat(long runId, long seatId, String nickname) {
    }

    /**
     * The seat's challenge in the current round, handed out at the first ask: the round's image on a
     * same-image round, else an image of its own. Empty when no round is under way or the seat is not taken.
     */
    public Optional<Challenge> challenge(long seatId) {
        WorkshopStore.SeatRow seat = activeSeat(seatId);
        WorkshopStore.RunRow run = store.run(seat.runId()).orElseThrow(WorkshopService::notFound);
        if (run.roundIndex() < 0 || run.phase() == Phase.LOBBY || run.phase() == Phase.FINISHED) {
            return Optional.empty();
        }
        Optional<WorkshopStore.EntryRow> entry = store.entry(run.id(), run.roundIndex(), seatId);
        if (entry.isPresent()) {
            UUID challengeId = entry.get().challengeId();
            return challengeId == null ? Optional.empty() : Optional.of(fool.challenge(challengeId, seat.playerId()));
        }
        if (!run.phase().inRound()) {
            return Optional.empty();
        }
        RoundSettings round = state(run.id()).rounds().get(run.roundIndex());
        if (round.isForge()) {
            return Optional.empty();
        }
        ChallengeImage image = store.roundImage(run.id(), run.roundIndex()).image();
        // Picking an image of one's own runs the judging model: before the transaction.
        ChallengeImage chosen = image != null ? image : fool.pickImage(round.level(), round.dataset());
        Player player = players.find(seat.playerId()).orElseThrow();
        // Two tabs of one student asking at once: the seat's lock lets one issue, the other finds its entry
        // (issuing a second would close the first as replaced).
        UUID challengeId = transaction.execute(status -> {
            store.lockSeat(seatId);
            Optional<WorkshopStore.EntryRow> meanwhile = store.entry(run.id(), run.roundIndex(), seatId);
            if (meanwhile.isPresent()) {
                return meanwhile.get().challengeId();
            }
            Challenge issued = fool.issueUnranked(player, round.level(), round.dataset(), chosen, properties.challengeTtl());
            return store.insertEntry(run.id(), run.roundIndex(), seatId, issued.id(), clock.instant()).challengeId();
        });
        return challengeId == null ? Optional.empty() : Optional.of(fool.challenge(challengeId, seat.playerId()));
    }

    /** The seat's run, if its round is open at {@code instant}; refused otherwise. */
    private WorkshopStore.RunRow runOpenAt(WorkshopStore.SeatRow seat, Instant instant) {
        WorkshopStore.RunRow run = store.run(seat.runId()).orElseThrow(WorkshopService::notFound);
        Instant deadline = run.deadline();
        if (run.phase() != Phase.OPEN || deadline == null || !instant.isBefore(deadline)) {
            throw refused("workshop.refused.round-closed", "The round is not open");
        }
        return run;
    }

    /**
     * Judges the seat's submission for the current round (through Fool's rules), then records it in
     * the workshop: once per seat and round, only while the round is open. The last student in the
     * room to submit closes the round.
     */
    public Submitted submit(long seatId, float[] pixels) {
        WorkshopStore.SeatRow seat = activeSeat(seatId);
        Instant began = clock.instant();
        WorkshopStore.RunRow run = runOpenAt(seat, began);
        WorkshopStore.EntryRow entry = store.entry(run.id(), run.roundIndex(), seatId)
                .orElseThrow(() -> refused("workshop.refused.no-challenge", "No image was handed out for this round"));
        UUID challengeId = entry.challengeId();
        if (entry.submitted() == null && challengeId == null
                && state(run.id()).rounds().get(run.roundIndex()).isForge()) {
            throw refused("workshop.refused.no-challenge", "This round is a Forge round");
        }
        if (entry.submitted() != null || challengeId == null) {
            throw refused("workshop.refused.submitted", "You have submitted in this round already");
        }
        AttemptOutcome outcome = fool.submit(challengeId, seat.playerId(), pixels);
        change(run.id(), locked -> {
            // A submission that began in time counts even if the round closed while it was judged.
            if (locked.roundIndex() != run.roundIndex()) {
                throw refused("workshop.refused.round-closed", "The round is not open");
            }
            store.recordSubmission(entry.id(), outcome.attemptId(), outcome.verdict().success(), outcome.points(),
                    outcome.use().change().l0(), outcome.use().change().l2(), outcome.use().change().linf(), began);
            if (locked.phase() == Phase.OPEN && store.waitingFor(run.id(), run.roundIndex()) == 0) {
                close(locked);
            }
            return store.bumpVersion(run.id());
        });
        return new Submitted(outcome, entryResult(run.id(), run.roundIndex(), seatId).orElseThrow());
    }

    /** A judged submission: what Fool decided, and the workshop's record of it. */
    public record Submitted(AttemptOutcome outcome, EntryResult entry) {
    }

    // ---- Forge rounds ----

    /**
     * The class the seat forges in the current Forge round, and the run's class detective that judges
     * it; the seat's entry starts at the first ask (its time is counted from then). Empty when no Forge
     * round is under way.
     */
    public Optional<ForgePrompt> forgePrompt(long seatId) {
        return forgePrompt(seatId, true);
    }

    /** {@code start}: the seat's entry starts now if it has not (not on every stroke, which only reads). */
    private Optional<ForgePrompt> forgePrompt(long seatId, boolean start) {
        WorkshopStore.SeatRow seat = activeSeat(seatId);
        WorkshopStore.RunRow run = store.run(seat.runId()).orElseThrow(WorkshopService::notFound);
        if (run.roundIndex() < 0 || run.phase() == Phase.LOBBY || run.phase() == Phase.FINISHED) {
            return Optional.empty();
        }
        RoundSettings round = state(run.id()).rounds().get(run.roundIndex());
        if (!round.isForge()) {
            return Optional.empty();
        }
        if (start && run.phase().inRound()) {
            store.insertEntry(run.id(), run.roundIndex(), seatId, null, clock.instant());
        }
        return Optional.of(new ForgePrompt(run.id(), run.roundIndex(), scopeOf(run.id(), round), round.forgeClass()));
    }

    /** What a student forges in a round: the class, and whose detective judges it. */
    public record ForgePrompt(long runId, int roundIndex, DetectiveScope detective, int forgeClass) {
    }

    /** The class detective's and the classifier's verdicts on the seat's canvas, while its Forge round is under way. */
    public LiveVerdict judgeForgery(long seatId, float[] pixels, boolean withSaliency) {
        ForgePrompt prompt = forgePrompt(seatId, false)
                .orElseThrow(() -> refused("workshop.refused.round-closed", "The round is not open"));
        return forge.judge(prompt.detective(), prompt.forgeClass(), pixels, withSaliency);
    }

    /**
     * Judges the seat's forgery by the run's class detective and the classifier (the server decides the
     * points), stores it unranked and records it in the workshop: once per seat and round, only while
     * the round is open. The last student in the room to submit closes the round.
     */
    public SubmittedForgery submitForgery(long seatId, float[] pixels) {
        WorkshopStore.SeatRow seat = activeSeat(seatId);
        Instant began = clock.instant();
        WorkshopStore.RunRow run = runOpenAt(seat, began);
        RoundSettings round = state(run.id()).rounds().get(run.roundIndex());
        if (!round.isForge()) {
            throw refused("workshop.refused.no-challenge", "This round is not a Forge round");
        }
        WorkshopStore.EntryRow entry = store.insertEntry(run.id(), run.roundIndex(), seatId, null, began);
        if (entry.submitted() != null) {
            throw refused("workshop.refused.submitted", "You have submitted in this round already");
        }
        Player player = players.find(seat.playerId()).orElseThrow();
        Submission submission = forge.submitUnranked(player, scopeOf(run.id(), round), round.forgeClass(), pixels);
        change(run.id(), locked -> {
            if (locked.roundIndex() != run.roundIndex()) {
                throw refused("workshop.refused.round-closed", "The round is not open");
            }
            store.recordForgery(entry.id(), submission.forgeryId(), submission.score().fooledTheDetective(),
                    submission.score().points(), began);
            if (locked.phase() == Phase.OPEN && store.waitingFor(run.id(), run.roundIndex()) == 0) {
                close(locked);
            }
            return store.bumpVersion(run.id());
        });
        return new SubmittedForgery(submission, entryResult(run.id(), run.roundIndex(), seatId).orElseThrow());
    }

    /** A judged forgery: what Forge decided, and the workshop's record of it. */
    public record SubmittedForgery(Submission submission, EntryResult entry) {
    }

    /** Once the run has finished for good, its class detectives (one per dataset of its Forge rounds) leave memory. */
    private void retireClassDetectivesAfterCommit(long runId) {
        List<DetectiveScope> scopes = state(runId).rounds().stream().filter(RoundSettings::isForge)
                .map(round -> scopeOf(runId, round)).distinct().toList();
        if (scopes.isEmpty()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                scopes.forEach(forge::retire);
            }
        });
    }

    private static DetectiveScope scopeOf(long runId, RoundSettings round) {
        return DetectiveScope.workshopRun(round.dataset(), runId);
    }

    /** The seat's entry in a round, if it was handed an image. */
    public Optional<EntryResult> entryResult(long runId, int roundIndex, long seatId) {
        return store.results(runId, roundIndex).stream().filter(e -> e.seatId() == seatId).findFirst();
    }

    /** Every entry of a seat, by round: a student's own summary at the end. */
    public List<EntryResult> entriesOf(long runId, long seatId) {
        return store.results(runId, -1).stream().filter(e -> e.seatId() == seatId).toList();
    }

    // ---- the reveal ----

    /**
     * What the class sees after a round: students in the room, submissions, how many fooled the model,
     * the three best successes (points, then the earliest) with nicknames, the class's mean change
     * and, on a same-image round, the image everyone had. Not secured: it names nicknames only.
     */
    public Reveal reveal(long runId, int roundIndex) {
        RunState state = state(runId);
        RoundSettings round = state.rounds().get(roundIndex);
        List<EntryResult> entries = store.results(runId, roundIndex).stream()
                .filter(EntryResult::didSubmit).filter(e -> state.seat(e.seatId()).map(SeatState::active).orElse(false))
                .toList();
        List<EntryResult> fooled = entries.stream().filter(EntryResult::success)
                .sorted(Comparator.comparingDouble(EntryResult::points).reversed()
                        .thenComparing(e -> e.submitted() == null ? Instant.MAX : e.submitted()))
                .toList();
        if (round.isForge()) {
            return new Reveal(roundIndex, round, state.activeSeats().size(), entries.size(), fooled.size(), List.of(), null,
                    null, -1, -1, forgeReveal(runId, roundIndex, round, entries, fooled));
        }
        List<GalleryItem> best = fool.attempts(WorkshopStore.ids(fooled.subList(0, Math.min(BEST_SHOWN, fooled.size()))));
        List<GalleryItem> all = fool.attempts(WorkshopStore.ids(entries));
        float[] change = all.isEmpty() ? null : meanChange(all);
        WorkshopStore.RoundImage image = store.roundImage(runId, roundIndex);
        ChallengeImage shared = image.image();
        float[] original = shared == null || all.isEmpty() ? null : all.getFirst().original();
        return new Reveal(roundIndex, round, state.activeSeats().size(), entries.size(), fooled.size(), best, change,
                original, shared == null ? -1 : shared.trueClass(), shared == null ? -1 : shared.targetClass(), null);
    }

    /**
     * The best forgeries (as {@code fooled} is sorted), and the class detective's catch rate on every
     * forgery of the round: from the verdicts stored at submission, and judged again by it now.
     */
    private ForgeReveal forgeReveal(long runId, int roundIndex, RoundSettings round, List<EntryResult> entries,
            List<EntryResult> fooled) {
        DetectiveScope scope = scopeOf(runId, round);
        List<Forgery> all = forge.forgeries(WorkshopStore.forgeryIds(entries));
        Map<Long, Forgery> byId = all.stream().collect(Collectors.toMap(Forgery::id, forgery -> forgery));
        List<Forgery> best = WorkshopStore.forgeryIds(fooled).stream().limit(BEST_SHOWN).map(byId::get).toList();
        int caughtAtSubmission = (int) all.stream().filter(f -> !DetectiveVerdict.judgedReal(f.realProbability())).count();
        int caughtNow = (int) forge.rejudge(scope, all).stream()
                .filter(r -> !DetectiveVerdict.judgedReal(r.realProbability())).count();
        return new ForgeReveal(best, all.size(), caughtAtSubmission, caughtNow, forge.detectiveStatus(scope).version(),
                store.detectiveLosses(runId, roundIndex));
    }

    /**
     * The image every student had in a same-image round, as a challenge the machine can attack for the
     * reveal; empty on an each-their-own round or before anyone was handed it.
     */
    public Optional<Challenge> sharedChallenge(long runId, int roundIndex) {
        if (store.roundImage(runId, roundIndex).image() == null) {
            return Optional.empty();
        }
        for (long[] seat : store.seatPlayers(runId)) {
            UUID challengeId = store.entry(runId, roundIndex, seat[0]).map(WorkshopStore.EntryRow::challengeId).orElse(null);
            if (challengeId != null) {
                return Optional.of(fool.challenge(challengeId, seat[1]));
            }
        }
        return Optional.empty();
    }

    private static float[] meanChange(List<GalleryItem> items) {
        float[] sum = new float[items.getFirst().original().length];
        for (GalleryItem item : items) {
            float[] original = item.original();
            float[] adversarial = item.adversarial();
            for (int i = 0; i < sum.length; i++) {
                sum[i] += adversarial[i] - original[i];
            }
        }
        for (int i = 0; i < sum.length; i++) {
            sum[i] /= items.size();
        }
        return sum;
    }

    // ---- rules shared by the actions ----

    private interface RunChange {
        /** Changes the locked run; returns its new version. */
        long apply(WorkshopStore.RunRow run);
    }

    /** Locks the run, applies the change and announces the new version, in one transaction. */
    private void change(long runId, RunChange change) {
        transaction.executeWithoutResult(status -> {
            WorkshopStore.RunRow run = store.lockRun(runId).orElseThrow(WorkshopService::notFound);
            publisher.publish(TOPIC, runId, change.apply(run));
        });
    }

    private long close(WorkshopStore.RunRow run) {
        store.roundClosed(run.id(), run.roundIndex(), clock.instant());
        RoundSettings round = store.state(run.id()).orElseThrow(WorkshopService::notFound).rounds().get(run.roundIndex());
        if (round.isForge()) {
            // The class detective trains on the round's forgeries once the close is committed (off this thread).
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    int roundIndex = run.roundIndex();
                    forge.learnFromRound(scopeOf(run.id(), round))
                            .thenAccept(losses -> recordDetectiveLosses(run.id(), roundIndex, losses))
                            .exceptionally(failure -> {
                                log.error("Workshop run {}: the class detective's round {} was not recorded", run.id(),
                                        roundIndex + 1, failure);
                                return null;
                            });
                }
            });
        }
        return store.setPhase(run.id(), Phase.CLOSED, run.roundIndex(), null, 0);
    }

    /** Stores the class detective's losses of the round, so every screen's reveal (and a reload) draws its curve. */
    private void recordDetectiveLosses(long runId, int roundIndex, List<Double> losses) {
        change(runId, run -> {
            store.setDetectiveLosses(runId, roundIndex, losses);
            return store.bumpVersion(runId);
        });
    }

    private WorkshopStore.SeatRow activeSeat(long seatId) {
        return store.seat(seatId).filter(seat -> seat.status() == SeatStatus.ACTIVE)
                .orElseThrow(() -> refused("workshop.refused.removed", "This seat was emptied by the host"));
    }

    private static @Nullable String studentId(WorkshopStore.RunRow run, @Nullable String given) {
        if (!run.askStudentId()) {
            return null;
        }
        String id = given == null ? "" : given.strip();
        if (id.isEmpty() || id.length() > MAX_STUDENT_ID_LENGTH || id.chars().anyMatch(Character::isISOControl)) {
            throw refused("workshop.refused.student-id", "A student id of 1 to " + MAX_STUDENT_ID_LENGTH
                    + " characters is asked for", MAX_STUDENT_ID_LENGTH);
        }
        return id;
    }

    private void admit(RateLimit limit, String key) {
        Admission admission = limiter.hit(limit, key);
        if (!admission.allowed()) {
            throw new LimitReachedException("Too many join attempts", admission.retryAfter());
        }
    }

    private void requireOwnPlan(long planId) {
        requireOwner(store.ownerOfPlan(planId));
    }

    private void requireOwnRun(long runId) {
        requireOwner(store.ownerOfRun(runId));
    }

    /** Someone else's plan or run looks exactly like a missing one, so ids reveal nothing. */
    private void requireOwner(Optional<Long> owner) {
        AccountSummary me = accounts.me();
        if (owner.isEmpty() || !(isAdmin(me) || owner.get() == me.id())) {
            throw notFound();
        }
    }

    private static boolean isAdmin(AccountSummary me) {
        return me.role() == AccountRole.ADMIN;
    }

    private static WorkshopRefusedException notFound() {
        return refused("workshop.refused.not-found", "No such workshop");
    }

    private static WorkshopRefusedException refused(String key, String message, Object... arguments) {
        return new WorkshopRefusedException(key, message, arguments);
    }
}
