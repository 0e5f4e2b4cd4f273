package org.adversarialarena.competition;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.adversarialarena.account.AccountRole;
import org.adversarialarena.account.AccountService;
import org.adversarialarena.account.AccountSummary;
import org.adversarialarena.audit.AuditType;
import org.adversarialarena.base.live.LiveListener;
import org.adversarialarena.base.live.LivePublisher;
import org.adversarialarena.base.live.LiveTopic;
import org.adversarialarena.base.live.Subscription;
import org.adversarialarena.base.security.ClientAddress;
import org.adversarialarena.base.security.SecretToken;
import org.adversarialarena.catalog.ModelCatalog;
import org.adversarialarena.ml.data.DatasetSplit;
import org.adversarialarena.ml.data.ImageSet;
import org.adversarialarena.ml.model.ClassifierId;
import org.adversarialarena.ml.serve.ClassifierPool;
import org.adversarialarena.player.Player;
import org.adversarialarena.quota.Admission;
import org.adversarialarena.quota.LimitReachedException;
import org.adversarialarena.quota.RateLimit;
import org.adversarialarena.quota.RateLimiter;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Competitions: instructors host them (and see and export only their own, admins everyone's: checked
 * here, on the data); players enter them (a private one with its join code) and submit adversarial
 * sets, from the browser or through the API with a personal access token. A submission is checked at
 * once (file, shape, range, budget: a refusal stores and counts nothing), then stored with its exact
 * images and evaluated by a background job ({@link EvaluationJob}). Every change is announced on the
 * live topic {@code competition} (key: the competition's id) inside its transaction.
 */
@Service
@EnableConfigurationProperties(CompetitionProperties.class)
public class CompetitionService {

    public static final LiveTopic<Long> TOPIC = LiveTopic.of("competition", String::valueOf);
    /** Shipped classifiers are the targets, each at its newest version when the competition is hosted. */
    public static final List<String> TARGETS = List.of("mnist-lenet", "mnist-mlp", "mnist-lenet-madry",
            "fashion-mnist-lenet", "fashion-mnist-mlp", "fashion-mnist-lenet-madry");
    private static final String HOST = "hasAnyRole('ADMIN', 'INSTRUCTOR')";
    private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int CODE_LENGTH = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CompetitionStore store;
    private final AccountService accounts;
    private final ModelCatalog catalog;
    private final RateLimiter limiter;
    private final LivePublisher publisher;
    private final LiveListener listener;
    private final EvaluationQueue queue;
    private final MatrixQueue matrices;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final CompetitionProperties properties;
    private final Clock clock;
    private final CompetitionAudit audit;
    private final RateLimit apiCalls;
    private final RateLimit codeLookups;

    CompetitionService(CompetitionStore store, AccountService accounts, ModelCatalog catalog, RateLimiter limiter,
            LivePublisher publisher, LiveListener listener, EvaluationQueue queue, MatrixQueue matrices,
            ApplicationEventPublisher events, TransactionTemplate transaction, CompetitionProperties properties,
            Clock clock, CompetitionAudit audit) {
        this.store = store;
        this.audit = audit;
        this.accounts = accounts;
        this.catalog = catalog;
        this.limiter = limiter;
        this.publisher = publisher;
        this.listener = listener;
        this.queue = queue;
        this.matrices = matrices;
        this.events = events;
        this.transaction = transaction;
        this.properties = properties;
        this.clock = clock;
        this.apiCalls = new RateLimit("competition-api", properties.apiCallsPerWindow(), properties.apiWindow());
        this.codeLookups = new RateLimit("competition-codes", properties.codeLookupsPerAddress(),
                properties.codeLookupWindow());
    }

    // ---- hosting ----

    /**
     * Hosts a competition for the signed-in instructor: checks the settings, draws the challenge set
     * with the target (outside any transaction), then stores everything at once, with the
     * cross-evaluation scheduled for its end. Returns its id.
     */
    @PreAuthorize(HOST)
    public long host(CompetitionSettings settings) {
        return host(settings, null);
    }

    /** As {@link #host(CompetitionSettings)}, with a Forge track (if not null) judged at the end. */
    @PreAuthorize(HOST)
    public long host(CompetitionSettings settings, @Nullable ForgeTrack forge) {
        settings.requireValid();
        if (forge != null) {
            forge.requireValid();
        }
        if (!TARGETS.contains(settings.modelName())) {
            throw CompetitionRefusedException.invalid("competition.refused.model", "Not a shipped target model");
        }
        ClassifierId first = ClassifierId.parse(settings.modelName(), 1);
        if (!catalog.isShipped(first)) {
            throw CompetitionRefusedException.invalid("competition.refused.model", "Not a shipped target model");
        }
        ClassifierId target = catalog.newest(first);
        long owner = accounts.me().id();
        ChallengeSet set = drawSet(target, settings.imageCount(), settings.seed());
        for (int attempt = 0; attempt < 20; attempt++) {
            String code = settings.privateEntry() ? joinCode() : null;
            try {
                Long id = transaction.execute(status -> {
                    long created = store.insert(owner, settings, code, set, settings.modelName(), target.version(),
                            clock.instant());
                    matrices.atEnd(created, settings.endsAt());
                    if (forge != null) {
                        events.publishEvent(new ForgeTrackHosted(created, forge, settings.endsAt()));
                    }
                    audit.hosted(created, settings);
                    publisher.publish(TOPIC, created, 0);
                    return created;
                });
                return id == null ? -1 : id;
            } catch (DuplicateKeyException e) {
                // another competition holds this code: draw again
            }
        }
        throw new IllegalStateException("No free join code after 20 draws");
    }

    /** The signed-in instructor's competitions, newest first (an admin's: everyone's). */
    @PreAuthorize(HOST)
    public List<Competition> hosted() {
        AccountSummary me = accounts.me();
        return store.hosted(isAdmin(me) ? null : me.id()).stream().map(this::competition).toList();
    }

    /** Every submission with its scores on both halves, as CSV, for the competition's host. */
    @PreAuthorize(HOST)
    public String exportCsv(long competitionId) {
        requireHost(competitionId);
        String csv = CompetitionExport.csv(store.submissions(competitionId));
        audit.exported(competitionId);
        return csv;
    }

    /** Whether the signed-in person hosts the competition (or is an admin); false for visitors. */
    public boolean isHost(long competitionId) {
        try {
            return hosts(accounts.me(), competitionId);
        } catch (RuntimeException notSignedIn) {
            return false;
        }
    }

    // ---- entering ----

    /** Public competitions that have not ended. */
    public List<Competition> listed() {
        return store.listed(clock.instant()).stream().map(this::competition).toList();
    }

    /** The competition a join code opens; lookups are limited per client address. */
    public long byCode(String code) {
        String address = ClientAddress.current();
        if (address != null) {
            Admission admission = limiter.hit(codeLookups, address);
            if (!admission.allowed()) {
                throw new LimitReachedException("Too many join codes tried", admission.retryAfter());
            }
        }
        String normalised = code.strip().toUpperCase(java.util.Locale.ROOT);
        return store.byCode(normalised).orElseThrow(CompetitionRefusedException::notFound);
    }

    /**
     * Enters the player: a public competition needs no code, a private one its join code (else it
     * looks missing). Entering twice finds the same entrant. Not after the end.
     */
    public Entrant enter(long competitionId, Player player, @Nullable String code) {
        Competition competition = visible(competitionId, code);
        if (competition.settings().isOver(clock.instant())) {
            throw CompetitionRefusedException.notNow("competition.refused.over", "The competition is over");
        }
        Long playerId = player.getId();
        if (playerId == null) {
            throw new IllegalStateException("A player without an id cannot enter");
        }
        Long id = transaction.execute(status -> {
            long entrant = store.enter(competitionId, playerId, player.getNickname(), clock.instant());
            publisher.publish(TOPIC, competitionId, store.bumpVersion(competitionId));
            return entrant;
        });
        return store.entrant(id == null ? -1 : id).orElseThrow();
    }

    public Optional<Entrant> entrantOf(long competitionId, long playerId) {
        return store.entrant(competitionId, playerId);
    }

    /**
     * The competition as this person sees it: {@code playerId} is the browser's player (null if none),
     * {@code code} the join code they came with (a private competition is otherwise visible only to its
     * host and its entrants).
     */
    public Viewing view(long competitionId, @Nullable Long playerId, @Nullable String code) {
        Optional<Entrant> entrant = playerId == null ? Optional.empty() : store.entrant(competitionId, playerId);
        boolean host = isHost(competitionId);
        Competition competition = host || entrant.isPresent() ? competition(competitionId) : visible(competitionId, code);
        return viewing(competition, host, entrant.orElse(null));
    }

    // ---- tokens ----

    /** A new personal access token for the entrant: the secret is returned once, only its hash is kept. */
    public String createToken(long entrantId, String name) {
        Entrant entrant = store.entrant(entrantId).orElseThrow(CompetitionRefusedException::notFound);
        String label = name.strip();
        if (label.isEmpty() || label.length() > 60) {
            throw CompetitionRefusedException.invalid("competition.refused.token-name", "A token name of 1 to 60 characters");
        }
        Instant now = clock.instant();
        if (store.tokens(entrantId).stream().filter(token -> token.usable(now)).count() >= properties.tokensPerEntrant()) {
            throw CompetitionRefusedException.notNow("competition.refused.token-count", "Too many active tokens",
                    properties.tokensPerEntrant());
        }
        String secret = SecretToken.create();
        transaction.executeWithoutResult(status -> {
            store.insertToken(entrant.id(), label, SecretToken.hash(secret), now, properties.tokenValidity());
            audit.byEntrant(AuditType.COMPETITION_TOKEN_CREATED, entrant, "token '" + label + "'");
        });
        return secret;
    }

    public List<AccessToken> tokens(long entrantId) {
        return store.tokens(entrantId);
    }

    public void revokeToken(long entrantId, long tokenId) {
        Entrant entrant = store.entrant(entrantId).orElseThrow(CompetitionRefusedException::notFound);
        transaction.executeWithoutResult(status -> {
            if (!store.revoke(entrantId, tokenId, clock.instant())) {
                throw CompetitionRefusedException.notFound();
            }
            audit.byEntrant(AuditType.COMPETITION_TOKEN_REVOKED, entrant, "token " + tokenId);
        });
    }



    /**
     * The entrant a bearer token names, if it is well formed, known, not revoked, not expired and
     * scoped to this competition; each call counts against the token's rate limit.
     */
    public Entrant authenticate(@Nullable String token, long competitionId) {
        if (!SecretToken.isWellFormed(token) || token == null) {
            throw CompetitionRefusedException.unauthorised();
        }
        String hash = SecretToken.hash(token);
        Admission admission = limiter.hit(apiCalls, hash);
        if (!admission.allowed()) {
            throw new LimitReachedException("Too many API calls", admission.retryAfter());
        }
        Instant now = clock.instant();
        CompetitionStore.TokenRow row = store.tokenByHash(hash)
                .filter(t -> t.revokedAt() == null && now.isBefore(t.expiresAt()) && t.competitionId() == competitionId)
                .orElseThrow(CompetitionRefusedException::unauthorised);
        store.tokenUsed(row.id(), now);
        return store.entrant(row.entrantId()).orElseThrow(CompetitionRefusedException::unauthorised);
    }

    // ---- submitting ----

    /**
     * Checks and stores an entrant's adversarial set, and queues its evaluation. Refused, storing and
     * counting nothing: an oversized or unreadable file, a wrong shape, NaN, values outside [0, 1], any
     * image over budget, outside the competition's time, over a cap.
     */
    public Submission submit(long entrantId, byte[] file, Channel channel) {
        Entrant entrant = entrant(entrantId);
        CompetitionSettings settings = settings(entrant.competitionId());
        if (file.length > properties.maxUpload().toBytes()) {
            throw CompetitionRefusedException.invalid("competition.refused.too-large", "The file is too large",
                    properties.maxUpload().toKilobytes());
        }
        requireOpen(settings);
        return submitImages(entrantId, AttackFile.read(file, settings.imageCount()), channel);
    }

    /**
     * Checks and stores an entrant's adversarial set given as images (from a file, or a draft built in
     * the canvas), and queues its evaluation: refused, storing and counting nothing, if any image is
     * over budget, outside the competition's time, over a cap (counted for the entrant's team if any).
     */
    Submission submitImages(long entrantId, float[][] images, Channel channel) {
        Entrant entrant = entrant(entrantId);
        Competition competition = competition(entrant.competitionId());
        CompetitionSettings settings = competition.settings();
        requireOpen(settings);
        ChallengeSet set = store.challengeSet(competition.id());
        AttackScoring.requireWithinBudget(set, images, settings.budget());
        byte[] raw = AttackFile.raw(images);
        String sha256 = sha256(raw);
        Long id = transaction.execute(status -> {
            store.lockEntrant(entrantId);
            Instant now = clock.instant();
            int phase = requireOpen(settings);
            Allowance allowance = Allowance.of(store.countedTimes(entrantId), settings.dailyCap(), settings.totalCap(), now);
            if (allowance.remainingTotal() == 0) {
                throw CompetitionRefusedException.notNow("competition.refused.total-cap", "No submissions left",
                        settings.totalCap());
            }
            if (allowance.remainingToday() == 0) {
                throw CompetitionRefusedException.notNow("competition.refused.daily-cap", "No submissions left today",
                        settings.dailyCap(), allowance.resetsAt());
            }
            long submission = store.insertSubmission(competition.id(), entrantId, channel, phase, raw, sha256, now);
            queue.enqueue(submission);
            publisher.publish(TOPIC, competition.id(), store.bumpVersion(competition.id()));
            return submission;
        });
        return store.submission(id == null ? -1 : id).orElseThrow();
    }

    public List<Submission> submissionsOf(long entrantId) {
        return store.submissionsOf(entrantId);
    }

    /** One of the entrant's own submissions (or their team's); another's looks missing. */
    public Submission submissionOf(long entrantId, long submissionId) {
        Competitor competitor = store.competitor(entrantId);
        return store.submission(submissionId).filter(s -> s.competitor().equals(competitor))
                .orElseThrow(CompetitionRefusedException::notFound);
    }

    /**
     * Picks one of the competitor's submissions as final ({@code pick}), or unpicks it, under the rules of
     * {@link FinalPicks}; under the entrant's (and team's) lock, so two picks at once cannot pass the limit.
     */
    public Submission pick(long entrantId, long submissionId, boolean pick) {
        Entrant entrant = store.entrant(entrantId).orElseThrow(CompetitionRefusedException::notFound);
        CompetitionSettings settings = competition(entrant.competitionId()).settings();
        transaction.executeWithoutResult(status -> {
            store.lockEntrant(entrantId);
            Submission submission = submissionOf(entrantId, submissionId);
            FinalPicks.requireAllowed(settings, submission, pick, store.pickedCount(entrantId), clock.instant());
            store.setPicked(submissionId, pick);
            publisher.publish(TOPIC, entrant.competitionId(), store.bumpVersion(entrant.competitionId()));
        });
        return submissionOf(entrantId, submissionId);
    }

    public Allowance allowance(Entrant entrant) {
        CompetitionSettings settings = competition(entrant.competitionId()).settings();
        return Allowance.of(store.countedTimes(entrant.id()), settings.dailyCap(), settings.totalCap(), clock.instant());
    }

    /** The challenge set's images as .npy (float32 [K,28,28]), for an entrant to attack. */
    public byte[] challengeNpy(long competitionId) {
        return AttackFile.npy(store.challengeSet(competitionId).images().stream().map(ChallengeImage::pixels)
                .toArray(float[][]::new));
    }

    /** The challenge set with its originals, labels and halves. */
    ChallengeSet challengeSet(long competitionId) {
        return store.challengeSet(competitionId);
    }

    /** The challenge set's true labels, in order. */
    public int[] challengeLabels(long competitionId) {
        return store.challengeSet(competitionId).images().stream().mapToInt(ChallengeImage::label).toArray();
    }

    /** Tells {@code onChange} the competition's id whenever it changes (an entrant, a submission, a score). */
    public Subscription follow(long competitionId, Consumer<Long> onChange) {
        return listener.subscribe(TOPIC, competitionId, change -> onChange.accept(competitionId));
    }

    // ---- rules shared by the actions ----

    Viewing viewing(Competition competition, boolean host, @Nullable Entrant entrant) {
        Instant now = clock.instant();
        CompetitionSettings settings = competition.settings();
        List<Submission> all = store.submissions(competition.id());
        Competitor competitor = entrant == null ? null : store.competitor(entrant.id());
        Boards.Viewer viewer = Boards.Viewer.of(host, entrant, competitor);
        return new Viewing(competition, settings.phaseAt(now).orElse(null), settings.isOver(now), host, entrant, competitor,
                entrant == null ? null : Allowance.of(store.countedTimes(entrant.id()), settings.dailyCap(),
                        settings.totalCap(), now),
                entrant == null ? List.of() : store.submissionsOf(entrant.id()),
                Boards.publicBoard(settings, all, viewer, now), Boards.privateBoard(settings, all, viewer, now),
                store.entrantCount(competition.id()), now);
    }

    /** The phase under way, or a refusal: before the start or after the end nothing is accepted. */
    int requireOpen(CompetitionSettings settings) {
        Instant now = clock.instant();
        return settings.phaseAt(now).orElseThrow(() -> now.isBefore(settings.startsAt())
                ? CompetitionRefusedException.notNow("competition.refused.not-started", "The competition has not started",
                        settings.startsAt())
                : CompetitionRefusedException.notNow("competition.refused.over", "The competition is over"));
    }

    private Competition competition(long id) {
        return store.competition(id).orElseThrow(CompetitionRefusedException::notFound);
    }

    CompetitionSettings settings(long competitionId) {
        return competition(competitionId).settings();
    }

    Entrant entrant(long entrantId) {
        return store.entrant(entrantId).orElseThrow(CompetitionRefusedException::notFound);
    }

    /** A public competition, or a private one with its code; anything else looks missing. */
    private Competition visible(long competitionId, @Nullable String code) {
        Competition competition = competition(competitionId);
        String joinCode = competition.joinCode();
        if (joinCode != null && (code == null || !joinCode.equalsIgnoreCase(code.strip()))) {
            throw CompetitionRefusedException.notFound();
        }
        return competition;
    }

    private ChallengeSet drawSet(ClassifierId target, int count, long seed) {
        ClassifierPool classifier = catalog.classifier(target);
        DatasetSplit split = catalog.dataset(target.dataset());
        ImageSet test = split.test();
        return ChallengeSet.draw(count, seed, test.size(), test::image, test::label,
                images -> EvaluationJob.classes(classifier.logits(images)));
    }

    private void requireHost(long competitionId) {
        if (!hosts(accounts.me(), competitionId)) {
            throw CompetitionRefusedException.notFound();
        }
    }

    /** Someone else's competition looks exactly like a missing one to an instructor, so ids reveal nothing. */
    private boolean hosts(AccountSummary me, long competitionId) {
        Optional<Long> owner = store.ownerOf(competitionId);
        return owner.isPresent() && (isAdmin(me) || owner.get() == me.id());
    }

    private static boolean isAdmin(AccountSummary me) {
        return me.role() == AccountRole.ADMIN;
    }

    static String joinCode() {
        StringBuilder code = new StringBuilder(CODE_LENGTH);
        for (int i = 0; i < CODE_LENGTH; i++) {
            code.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
        }
        return code.toString();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
