package org.adversarialarena.workshop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.adversarialarena.account.AccountService;
import org.adversarialarena.audit.AuditLog;
import org.adversarialarena.base.live.LiveListener;
import org.adversarialarena.base.live.LivePublisher;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.adversarialarena.catalog.ModelCatalog;
import org.adversarialarena.fool.Challenge;
import org.adversarialarena.fool.FoolLevel;
import org.adversarialarena.fool.FoolService;
import org.adversarialarena.fool.MachineComparison;
import org.adversarialarena.forge.DetectiveScope;
import org.adversarialarena.forge.ForgeService;
import org.adversarialarena.forge.Forgery;
import org.adversarialarena.leaderboard.LeaderboardService;
import org.adversarialarena.leaderboard.Standing;
import org.adversarialarena.ml.attack.GradientAttack;
import org.adversarialarena.ml.attack.Norm;
import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.ml.detective.DetectiveStats;
import org.adversarialarena.ml.image.ImagePng;
import org.adversarialarena.player.NicknameRefusedException;
import org.adversarialarena.player.PlayerService;
import org.adversarialarena.quota.RateLimiter;
import org.adversarialarena.round.RoundService;
import org.assertj.core.data.Offset;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

/** Workshops against the real database and the shipped networks: plans, ownership, joining, rounds, export. */
@SpringBootTest
class WorkshopServiceIT {

    @Autowired
    WorkshopService workshops;

    @Autowired
    ModelCatalog models;

    @Autowired
    LeaderboardService leaderboards;

    @Autowired
    MachineComparison machine;

    @Autowired
    ForgeService forge;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    WorkshopStore store;

    @Autowired
    AccountService accounts;

    @Autowired
    PlayerService players;

    @Autowired
    FoolService fool;

    @Autowired
    RoundService rounds;

    @Autowired
    AuditLog audit;

    @Autowired
    LivePublisher publisher;

    @Autowired
    LiveListener listener;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    WorkshopProperties properties;

    @Autowired
    Clock clock;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void anInstructorSavesChangesAndDuplicatesTheirPlanAndNobodyElseSeesIt() {
        String ada = instructor("ada");
        Plan saved = new Plan(null, "Adversarial basics", false, LeaderboardShown.AT_END, true, List.of(
                new RoundSettings(FoolLevel.FEW_PIXELS, DatasetId.MNIST, true, 90, true),
                new RoundSettings(FoolLevel.FAINT_TOUCH, DatasetId.FASHION_MNIST, false, 120, false)));
        long id = workshops.save(saved);
        workshops.save(new Plan(id, "Adversarial basics, week 2", false, LeaderboardShown.AT_END, true, saved.rounds()));
        long copy = workshops.duplicate(id);

        assertThat(workshops.plan(id).name()).isEqualTo("Adversarial basics, week 2");
        assertThat(workshops.plan(copy)).satisfies(plan -> {
            assertThat(plan.name()).isEqualTo("Copy of Adversarial basics, week 2");
            assertThat(plan.rounds()).isEqualTo(saved.rounds());
            assertThat(plan.askStudentId()).isTrue();
            assertThat(plan.leaderboard()).isEqualTo(LeaderboardShown.AT_END);
        });
        assertThat(workshops.plans()).extracting(PlanSummary::id).containsExactly(copy, id);

        instructor("bob");
        assertThat(workshops.plans()).extracting(PlanSummary::id).doesNotContain(id, copy);
        assertThatThrownBy(() -> workshops.plan(id)).isInstanceOfSatisfying(WorkshopRefusedException.class,
                e -> assertThat(e.key()).isEqualTo("workshop.refused.not-found"));
        assertThatThrownBy(() -> workshops.open(id)).isInstanceOf(WorkshopRefusedException.class);
        assertThatThrownBy(() -> workshops.save(new Plan(id, "Mine now", true, LeaderboardShown.NEVER, false,
                saved.rounds()))).isInstanceOf(WorkshopRefusedException.class);
        assertThatThrownBy(() -> workshops.duplicate(id)).isInstanceOf(WorkshopRefusedException.class);

        actAs(ada, "INSTRUCTOR");
        long run = workshops.open(id);
        instructor("carol");
        assertThatThrownBy(() -> workshops.hostState(run)).isInstanceOf(WorkshopRefusedException.class);
        assertThatThrownBy(() -> workshops.startNextRound(run)).isInstanceOf(WorkshopRefusedException.class);
        assertThatThrownBy(() -> workshops.exportCsv(run)).isInstanceOf(WorkshopRefusedException.class);
        assertThatThrownBy(() -> workshops.exportImages(run)).isInstanceOf(WorkshopRefusedException.class);
        assertThat(workshops.runs()).extracting(RunSummary::id).doesNotContain(run);

        admin("root");
        assertThat(workshops.plans()).extracting(PlanSummary::id).contains(id, copy);
        assertThat(workshops.hostState(run).name()).isEqualTo("Adversarial basics, week 2");
    }

    @Test
    void visitorsAndHalfSignedInPeopleReachNoPlan() {
        assertThatThrownBy(() -> workshops.plans()).isInstanceOf(
                AuthenticationCredentialsNotFoundException.class);
        actAs("someone@example.org", "TOTP_SETUP");
        assertThatThrownBy(() -> workshops.plans())
                .isInstanceOf(AuthorizationDeniedException.class);
    }

    @Test
    void aPlanWithoutRoundsOrNameIsRefused() {
        instructor("dora");
        assertThatThrownBy(() -> workshops.save(new Plan(null, "  ", true, LeaderboardShown.NEVER, false,
                List.of(RoundSettings.standard())))).isInstanceOfSatisfying(WorkshopRefusedException.class,
                        e -> assertThat(e.key()).isEqualTo("workshop.refused.name"));
        assertThatThrownBy(() -> workshops.save(new Plan(null, "Empty", true, LeaderboardShown.NEVER, false, List.of())))
                .isInstanceOfSatisfying(WorkshopRefusedException.class,
                        e -> assertThat(e.key()).isEqualTo("workshop.refused.rounds"));
        assertThatThrownBy(() -> new RoundSettings(FoolLevel.FEW_PIXELS, DatasetId.MNIST, true, 5, true))
                .isInstanceOf(WorkshopRefusedException.class);
    }

    @Test
    void studentsJoinWithTheCodeAndAUniqueNicknameAndComeBackToTheirSeatWithTheirToken() {
        instructor("erin");
        long run = runOf(new Plan(null, "Join test", false, LeaderboardShown.AFTER_EACH_ROUND, true,
                List.of(RoundSettings.standard())));
        String code = code(run);
        assertThat(code).matches("\\d{6}");

        Joined mia = join(code, "Mia", "s-001", null, "session-mia");
        assertThatThrownBy(() -> join(code, "mIA", "s-002", null, "session-2")).isInstanceOfSatisfying(
                WorkshopRefusedException.class, e -> {
                    assertThat(e.key()).isEqualTo("workshop.refused.nickname-taken");
                    assertThat((String) e.arguments()[0]).isNotBlank().isNotEqualToIgnoringCase("mia");
                });
        assertThatThrownBy(() -> join(code, "Noah", " ", null, "session-3")).isInstanceOfSatisfying(
                WorkshopRefusedException.class, e -> assertThat(e.key()).isEqualTo("workshop.refused.student-id"));
        assertThatThrownBy(() -> join(code, "fuck", "s-3", null, "session-3"))
                .isInstanceOf(NicknameRefusedException.class);
        assertThatThrownBy(() -> join(otherCode(code), "Noah", "s-3", null, "session-3")).isInstanceOfSatisfying(
                WorkshopRefusedException.class, e -> assertThat(e.key()).isEqualTo("workshop.refused.code"));

        assertThat(workshops.resume(mia.seatToken())).hasValueSatisfying(seat -> {
            assertThat(seat.seatId()).isEqualTo(mia.seatId());
            assertThat(seat.nickname()).isEqualTo("Mia");
        });
        assertThat(workshops.resume("x".repeat(43))).isEmpty();
        assertThat(workshops.resume("not a token")).isEmpty();
        RunState state = workshops.hostState(run);
        assertThat(state.seats()).singleElement().satisfies(seat -> assertThat(seat.studentId()).isEqualTo("s-001"));
        assertThat(jdbc.queryForObject("select token_hash from workshop_seat where id = ?", String.class, mia.seatId()))
                .doesNotContain(mia.seatToken()).hasSize(64);

        workshops.startNextRound(run);
        assertThatThrownBy(() -> join(code, "Late", "s-9", null, "session-9")).isInstanceOfSatisfying(
                WorkshopRefusedException.class, e -> assertThat(e.key()).isEqualTo("workshop.refused.started"));
        assertThat(workshops.resume(mia.seatToken())).as("a reconnect is not a late join").isPresent();
    }

    /**
     * Issue 24: bans hold across nodes. A second node's service (a new instance with its own rate limiter,
     * on the same database, nothing shared in memory) refuses the student the first node's host banned.
     */
    @Test
    void aBanGivenOnOneNodeHoldsOnAnother() {
        instructor("gil");
        long run = runOf(new Plan(null, "Two nodes", true, LeaderboardShown.NEVER, false,
                List.of(RoundSettings.standard())));
        String code = code(run);
        Joined banned = join(code, "Bo", null, null, "session-bo");
        WorkshopService otherNode = new WorkshopService(store, accounts, players, fool, forge, rounds, audit,
                new RateLimiter(jdbc, clock), publisher, listener, transaction, properties, clock);

        workshops.ban(run, banned.seatId());

        assertThat(otherNode.resume(banned.seatToken())).isEmpty();
        assertThatThrownBy(() -> otherNode.join(new JoinRequest(code, "Bobo", null, banned.seatToken(), "new-session", null)))
                .isInstanceOfSatisfying(WorkshopRefusedException.class,
                        e -> assertThat(e.key()).isEqualTo("workshop.refused.banned"));
        assertThatThrownBy(() -> otherNode.join(new JoinRequest(code, "Bobo", null, null, "session-bo", null)))
                .isInstanceOfSatisfying(WorkshopRefusedException.class,
                        e -> assertThat(e.key()).isEqualTo("workshop.refused.banned"));
    }

    @Test
    void aKickedStudentMayJoinAgainButABannedOneMayNot() {
        instructor("fay");
        long run = runOf(new Plan(null, "Kick and ban", true, LeaderboardShown.NEVER, false,
                List.of(RoundSettings.standard())));
        String code = code(run);
        Joined kicked = join(code, "Kim", null, null, "session-kim");
        Joined banned = join(code, "Ben", null, null, "session-ben");

        workshops.kick(run, kicked.seatId());
        workshops.ban(run, banned.seatId());

        assertThat(workshops.resume(kicked.seatToken())).isEmpty();
        assertThat(workshops.resume(banned.seatToken())).isEmpty();
        Joined again = join(code, "Kim", null, kicked.seatToken(), "session-kim");
        assertThat(again.seatId()).isNotEqualTo(kicked.seatId());
        assertThatThrownBy(() -> join(code, "Benny", null, banned.seatToken(), "a-new-session"))
                .isInstanceOfSatisfying(WorkshopRefusedException.class,
                        e -> assertThat(e.key()).isEqualTo("workshop.refused.banned"));
        assertThatThrownBy(() -> join(code, "Benny", null, null, "session-ben"))
                .isInstanceOfSatisfying(WorkshopRefusedException.class,
                        e -> assertThat(e.key()).isEqualTo("workshop.refused.banned"));
        assertThatThrownBy(() -> join(code, "ben", null, null, "another-session"))
                .as("a banned nickname stays taken").isInstanceOf(WorkshopRefusedException.class);
        assertThat(workshops.hostState(run).activeSeats()).extracting(SeatState::nickname).containsExactly("Kim");
        assertThatThrownBy(() -> workshops.challenge(banned.seatId())).isInstanceOfSatisfying(
                WorkshopRefusedException.class, e -> assertThat(e.key()).isEqualTo("workshop.refused.removed"));
    }

    @Test
    void aSameImageRoundIsPlayedJudgedClosedWhenAllSubmittedRevealedAndExportedWithoutTouchingTheGlobalBoards()
            throws IOException {
        instructor("gus");
        RoundSettings faint = new RoundSettings(FoolLevel.FAINT_TOUCH, DatasetId.MNIST, true, 300, true);
        long run = runOf(new Plan(null, "One round", true, LeaderboardShown.AFTER_EACH_ROUND, true, List.of(faint)));
        String code = code(run);
        Joined ann = join(code, "Ann", "=HYPERLINK(\"x\")", null, "session-ann");
        Joined tom = join(code, "Tom, Jr.", "t-2", null, "session-tom");
        List<Standing> globalBefore = leaderboards.top(FoolService.board(FoolLevel.FAINT_TOUCH, DatasetId.MNIST), 1000);

        workshops.startNextRound(run);
        Challenge annsImage = workshops.challenge(ann.seatId()).orElseThrow();
        Challenge tomsImage = workshops.challenge(tom.seatId()).orElseThrow();
        assertThat(tomsImage.original()).isEqualTo(annsImage.original());
        assertThat(tomsImage.id()).isNotEqualTo(annsImage.id());
        assertThat(workshops.challenge(ann.seatId()).orElseThrow().id()).as("a reload gives the same challenge")
                .isEqualTo(annsImage.id());

        WorkshopService.Submitted annFooled = workshops.submit(ann.seatId(), pgd(annsImage));
        assertThat(annFooled.outcome().verdict().success()).isTrue();
        assertThat(annFooled.entry().points()).isEqualTo(annFooled.outcome().points()).isPositive();
        assertThatThrownBy(() -> workshops.submit(ann.seatId(), pgd(annsImage))).isInstanceOfSatisfying(
                WorkshopRefusedException.class, e -> assertThat(e.key()).isEqualTo("workshop.refused.submitted"));
        assertThat(workshops.hostState(run)).satisfies(state -> {
            assertThat(state.phase()).isEqualTo(Phase.OPEN);
            assertThat(state.submittedCount()).isEqualTo(1);
        });

        WorkshopService.Submitted tomUnchanged = workshops.submit(tom.seatId(), tomsImage.original());
        assertThat(tomUnchanged.outcome().verdict().success()).isFalse();
        RunState closed = workshops.hostState(run);
        assertThat(closed.phase()).as("everyone submitted").isEqualTo(Phase.CLOSED);
        assertThat(closed.standings()).extracting(Placing::nickname, Placing::points).containsExactly(
                Tuple.tuple("Ann", annFooled.outcome().points()),
                Tuple.tuple("Tom, Jr.", 0.0));

        Reveal reveal = workshops.reveal(run, 0);
        assertThat(reveal.students()).isEqualTo(2);
        assertThat(reveal.submitted()).isEqualTo(2);
        assertThat(reveal.fooled()).isEqualTo(1);
        assertThat(reveal.successRate()).isEqualTo(0.5);
        assertThat(reveal.best()).singleElement().satisfies(best -> assertThat(best.nickname()).isEqualTo("Ann"));
        assertThat(reveal.original()).as("as stored, in PNG").containsExactly(annsImage.original(),
                Offset.offset(1e-6f));
        assertThat(reveal.classChange()).hasSize(784).satisfies(change -> {
            float[] expected = annsImage.differenceTo(annFooled.outcome().adversarial());
            for (int i = 0; i < change.length; i++) {
                assertThat(change[i]).isCloseTo(expected[i] / 2, Offset.offset(0.01f));
            }
        });
        assertThat(workshops.sharedChallenge(run, 0)).hasValueSatisfying(shared -> {
            assertThat(shared.original()).isEqualTo(annsImage.original());
            assertThat(machine.compare(shared).getFirst().attack()).as("the machine's first attack").startsWith("FGSM");
        });

        assertThat(leaderboards.top(FoolService.board(FoolLevel.FAINT_TOUCH, DatasetId.MNIST), 1000))
                .as("a workshop round stays off the global board").isEqualTo(globalBefore);
        assertThat(jdbc.queryForObject("select count(*) from fool_attempt a join fool_challenge c on c.id = a.challenge_id"
                + " where a.challenge_id = ? and a.round_id is null and not c.ranked", Integer.class, annsImage.id()))
                .isEqualTo(1);

        String csv = workshops.exportCsv(run);
        List<String> lines = csv.lines().toList();
        assertThat(lines.getFirst()).isEqualTo(WorkshopExport.HEADER);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).startsWith("1,faint-touch,mnist,Ann,\"'=HYPERLINK(\"\"x\"\")\",active,true,true,"
                + String.format(Locale.ROOT, "%.3f", annFooled.outcome().points()));
        assertThat(lines.get(2)).startsWith("1,faint-touch,mnist,\"Tom, Jr.\",t-2,active,true,false,0.000,0,");

        Map<String, byte[]> images = unzip(workshops.exportImages(run));
        assertThat(images.keySet()).as("one PNG per submission, by round and nickname")
                .containsExactly("round-01-faint-touch/Ann.png", "round-01-faint-touch/Tom__Jr..png");
        assertThat(ImagePng.fromPng(images.get("round-01-faint-touch/Ann.png"))).as("Ann's stored adversarial image")
                .containsExactly(storedAdversarial(ann.seatId()), Offset.offset(1e-6f));
        assertThat(ImagePng.fromPng(images.get("round-01-faint-touch/Tom__Jr..png")))
                .containsExactly(storedAdversarial(tom.seatId()), Offset.offset(1e-6f));

        workshops.finish(run);
        assertThat(workshops.publish(run)).isEqualTo(1);
        assertThat(leaderboards.top(FoolService.board(FoolLevel.FAINT_TOUCH, DatasetId.MNIST), 1000))
                .extracting(Standing::nickname).contains("Ann");
        assertThatThrownBy(() -> workshops.publish(run)).isInstanceOf(WorkshopRefusedException.class);
    }

    @Test
    void aRoundClosesAtItsStoredDeadlineAndPausingKeepsTheTimeLeft() throws InterruptedException {
        instructor("hal");
        long run = runOf(new Plan(null, "Timed", true, LeaderboardShown.AFTER_EACH_ROUND, false, List.of(
                new RoundSettings(FoolLevel.FEW_PIXELS, DatasetId.MNIST, false, 60, true),
                new RoundSettings(FoolLevel.FEW_PIXELS, DatasetId.MNIST, false, 60, true))));
        Joined eve = join(code(run), "Eve", null, null, "session-eve");
        workshops.startNextRound(run);
        Challenge own = workshops.challenge(eve.seatId()).orElseThrow();
        assertThat(own.original()).hasSize(784);

        workshops.pause(run);
        RunState paused = workshops.hostState(run);
        assertThat(paused.phase()).isEqualTo(Phase.PAUSED);
        assertThat(paused.deadline()).isNull();
        assertThat(paused.remaining()).isBetween(Duration.ofSeconds(55), Duration.ofSeconds(60));
        assertThatThrownBy(() -> workshops.submit(eve.seatId(), own.original())).isInstanceOfSatisfying(
                WorkshopRefusedException.class, e -> assertThat(e.key()).isEqualTo("workshop.refused.round-closed"));
        workshops.extend(run, Duration.ofSeconds(30));
        workshops.resume(run);
        RunState resumed = workshops.hostState(run);
        assertThat(resumed.timeLeft(Instant.now())).isBetween(Duration.ofSeconds(80), Duration.ofSeconds(90));

        // As after a restart: only the stored deadline says when the round ends; every node's check closes it.
        jdbc.update("update workshop_run set deadline = now() - interval '1 second' where id = ?", run);
        long waited = System.nanoTime();
        while (workshops.hostState(run).phase() == Phase.OPEN && System.nanoTime() - waited < 5_000_000_000L) {
            Thread.sleep(50);
        }
        assertThat(workshops.hostState(run).phase()).isEqualTo(Phase.CLOSED);
        assertThatThrownBy(() -> workshops.submit(eve.seatId(), own.original())).isInstanceOfSatisfying(
                WorkshopRefusedException.class, e -> assertThat(e.key()).isEqualTo("workshop.refused.round-closed"));
        assertThat(workshops.exportCsv(run).lines().toList().get(1)).startsWith("1,few-pixels,mnist,Eve,,active,false,");

        workshops.startNextRound(run);
        assertThat(workshops.hostState(run).roundNumber()).isEqualTo(2);
        workshops.endRound(run);
        assertThatThrownBy(() -> workshops.startNextRound(run)).isInstanceOfSatisfying(WorkshopRefusedException.class,
                e -> assertThat(e.key()).isEqualTo("workshop.refused.no-next-round"));
        workshops.finish(run);
        assertThat(workshops.hostState(run).phase()).isEqualTo(Phase.FINISHED);
        assertThat(workshops.resume(eve.seatToken())).as("the seat outlives the end, for the summary").isPresent();
    }

    @Test
    void twoTabsAskingForTheRoundsImageAtOnceGetTheSameChallengeAndItStaysOpen() throws Exception {
        instructor("ivy");
        long run = runOf(new Plan(null, "Two tabs", true, LeaderboardShown.NEVER, false,
                List.of(new RoundSettings(FoolLevel.FEW_PIXELS, DatasetId.MNIST, false, 300, true))));
        Joined zoe = join(code(run), "Zoe", null, null, "session-zoe");
        workshops.startNextRound(run);

        ExecutorService tabs = Executors.newFixedThreadPool(2);
        try {
            Callable<Challenge> ask = () -> workshops.challenge(zoe.seatId()).orElseThrow();
            Future<Challenge> first = tabs.submit(ask);
            Future<Challenge> second = tabs.submit(ask);
            assertThat(first.get().id()).isEqualTo(second.get().id());
            WorkshopService.Submitted submitted = workshops.submit(zoe.seatId(), first.get().original());
            assertThat(submitted.entry().didSubmit()).as("the one challenge was still open").isTrue();
        } finally {
            tabs.shutdownNow();
        }
        assertThat(jdbc.queryForObject("select count(*) from fool_challenge c join workshop_seat s on s.player_id = c.player_id"
                + " where s.id = ?", Integer.class, zoe.seatId())).isEqualTo(1);
    }

    @Test
    void aForgeRoundIsJudgedByTheRunsOwnClassDetectiveUnrankedAndRevealedFromTheStoredVerdicts() throws Exception {
        instructor("fay");
        RoundSettings forgeSeven = RoundSettings.forge(DatasetId.MNIST, 7, 300, true);
        long run = runOf(new Plan(null, "Forge a seven", true, LeaderboardShown.AFTER_EACH_ROUND, false,
                List.of(forgeSeven)));
        assertThat(workshops.hostState(run).rounds()).as("as stored").containsExactly(forgeSeven);
        String code = code(run);
        Joined ann = join(code, "Ann", null, null, "session-forge-ann");
        Joined tom = join(code, "Tom", null, null, "session-forge-tom");
        forge.detectivesSettled().get();
        DetectiveStats globalBefore = forge.detectiveStatus(DatasetId.MNIST);
        Integer globalForgeriesBefore = jdbc.queryForObject("select count(*) from forgery where workshop_run_id is null",
                Integer.class);
        List<Standing> boardBefore = leaderboards.top(ForgeService.board(DatasetId.MNIST, 7), 1000);

        workshops.startNextRound(run);
        assertThat(workshops.challenge(ann.seatId())).as("a Forge round hands out no Fool image").isEmpty();
        WorkshopService.ForgePrompt prompt = workshops.forgePrompt(ann.seatId()).orElseThrow();
        DetectiveScope classDetective = DetectiveScope.workshopRun(DatasetId.MNIST, run);
        assertThat(prompt.forgeClass()).isEqualTo(7);
        assertThat(prompt.detective()).isEqualTo(classDetective);
        // Drawn, not generated: a generator sample may sit close enough to a real digit to count as a copy.
        float[] generated = new float[784];
        for (int x = 7; x < 21; x++) {
            generated[6 * 28 + x] = 1f;
            generated[7 * 28 + x] = 1f;
        }
        for (int y = 8; y < 24; y++) {
            int x = 20 - (y - 8) * 9 / 16;
            generated[y * 28 + x] = 1f;
            generated[y * 28 + x - 1] = 1f;
        }
        assertThat(workshops.judgeForgery(ann.seatId(), generated, false).realProbability()).isBetween(0.0, 1.0);

        WorkshopService.SubmittedForgery anns = workshops.submitForgery(ann.seatId(), generated);
        assertThat(anns.entry().forgeryId()).isEqualTo(anns.submission().forgeryId());
        assertThat(anns.entry().success()).isEqualTo(anns.submission().score().fooledTheDetective());
        assertThat(anns.entry().points()).isEqualTo(anns.submission().score().points());
        assertThatThrownBy(() -> workshops.submitForgery(ann.seatId(), generated)).isInstanceOfSatisfying(
                WorkshopRefusedException.class, e -> assertThat(e.key()).isEqualTo("workshop.refused.submitted"));
        // A square frame: a plain bar would be as close to a real "1" as a copy.
        float[] frame = new float[784];
        for (int i = 5; i < 23; i++) {
            frame[5 * 28 + i] = 0.8f;
            frame[22 * 28 + i] = 0.8f;
            frame[i * 28 + 5] = 0.8f;
            frame[i * 28 + 22] = 0.8f;
        }
        workshops.submitForgery(tom.seatId(), frame);
        assertThat(workshops.hostState(run).phase()).as("everyone submitted").isEqualTo(Phase.CLOSED);
        // The close queued a training round and a checkpoint of the class detective: wait for both.
        forge.detectivesSettled().get();

        List<Map<String, Object>> stored = jdbc.queryForList("""
                select f.id, f.real_probability, f.classifier_agrees, f.score, f.round_id, s.nickname
                from forgery f join workshop_entry e on e.forgery_id = f.id join workshop_seat s on s.id = e.seat_id
                where f.workshop_run_id = ? order by f.id""", run);
        assertThat(stored).hasSize(2).allSatisfy(row -> assertThat(row.get("round_id")).as("unranked").isNull());
        List<Map<String, Object>> fooled = stored.stream().filter(row -> (Boolean) row.get("classifier_agrees")
                && (Double) row.get("real_probability") >= 0.5).toList();
        long caughtAtSubmission = stored.stream().filter(row -> (Double) row.get("real_probability") < 0.5).count();
        List<Forgery> forgeries = forge.forgeries(stored.stream().map(row -> (Long) row.get("id")).toList());
        long caughtNow = forge.rejudge(classDetective, forgeries).stream().filter(r -> r.realProbability() < 0.5).count();

        Reveal reveal = workshops.reveal(run, 0);
        assertThat(reveal.submitted()).isEqualTo(2);
        assertThat(reveal.fooled()).isEqualTo(fooled.size());
        assertThat(reveal.best()).as("a Forge round shows forgeries, not Fool images").isEmpty();
        assertThat(reveal.forge()).isNotNull().satisfies(forgeReveal -> {
            assertThat(forgeReveal.forgeries()).isEqualTo(2);
            assertThat(forgeReveal.caughtAtSubmission()).isEqualTo(caughtAtSubmission);
            assertThat(forgeReveal.caughtNow()).isEqualTo(caughtNow);
            assertThat(forgeReveal.detectiveVersion()).isEqualTo(forge.detectiveStatus(classDetective).version());
            assertThat(forgeReveal.best()).extracting(Forgery::nickname)
                    .containsExactlyInAnyOrderElementsOf(fooled.stream().map(row -> (String) row.get("nickname")).toList());
            assertThat(forgeReveal.lossCurve()).as("the losses of the close's training, stored with the round")
                    .isNotNull().hasSizeLessThanOrEqualTo(2)
                    .isEqualTo(jdbc.queryForList("select unnest(detective_losses) from workshop_run_round where run_id = ?",
                            Double.class, run));
            assertThat(forge.detectiveStatus(classDetective).lossCurve()).as("the class detective's own curve ends with them")
                    .endsWith(forgeReveal.lossCurve().toArray(Double[]::new));
        });
        assertThat(jdbc.queryForObject("select count(*) from detective_checkpoint where workshop_run_id = ?", Integer.class,
                run)).as("the class detective is kept in PostgreSQL").isPositive();

        DetectiveStats globalAfter = forge.detectiveStatus(DatasetId.MNIST);
        assertThat(globalAfter.version()).as("the global detective is untouched").isEqualTo(globalBefore.version());
        assertThat(globalAfter.forgeriesSeen()).isEqualTo(globalBefore.forgeriesSeen());
        assertThat(jdbc.queryForObject("select count(*) from forgery where workshop_run_id is null", Integer.class))
                .isEqualTo(globalForgeriesBefore);
        assertThat(forge.gallery(DatasetId.MNIST, 1000)).extracting(Forgery::id)
                .doesNotContainAnyElementsOf(forgeries.stream().map(Forgery::id).toList());
        assertThat(leaderboards.top(ForgeService.board(DatasetId.MNIST, 7), 1000)).isEqualTo(boardBefore);

        workshops.finish(run);
        forge.detectivesSettled().get();
        Reveal afterRestart = workshops.reveal(run, 0);
        assertThat(afterRestart.forge()).as("retired at the end, resumed from its checkpoint").isNotNull()
                .satisfies(resumed -> {
                    assertThat(resumed.detectiveVersion()).isEqualTo(reveal.forge().detectiveVersion());
                    assertThat(resumed.caughtNow()).isEqualTo(reveal.forge().caughtNow());
                    assertThat(resumed.lossCurve()).as("read back from PostgreSQL").isEqualTo(reveal.forge().lossCurve());
                });

        Map<String, byte[]> images = unzip(workshops.exportImages(run));
        assertThat(images.keySet()).containsExactlyInAnyOrder("round-01-forge/Ann.png", "round-01-forge/Tom.png");
        assertThat(ImagePng.fromPng(images.get("round-01-forge/Tom.png"))).as("Tom's stored forgery")
                .containsExactly(ImagePng.fromPng(jdbc.queryForObject("select f.png from forgery f join workshop_entry e"
                        + " on e.forgery_id = f.id where e.seat_id = ?", byte[].class, tom.seatId())), Offset.offset(1e-6f));

        List<String> lines = workshops.exportCsv(run).lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).startsWith("1,forge,mnist,Ann,,active,true," + anns.entry().success() + ","
                + String.format(Locale.ROOT, "%.3f", anns.entry().points()) + ",,,,").endsWith(",7,");
    }

    @Test
    void studentsArePlacedInTeamsAsTheyJoinAndTheTeamBoardRanksTeamsByTheirMembersMeanPoints() {
        instructor("tia");
        Plan plan = new Plan(null, "Teams of two", true, LeaderboardShown.AFTER_EACH_ROUND, false,
                List.of(new RoundSettings(FoolLevel.FAINT_TOUCH, DatasetId.MNIST, true, 300, true)), new Teams(2, false));
        long planId = workshops.save(plan);
        assertThat(workshops.plan(planId).teams()).isEqualTo(new Teams(2, false));
        assertThat(workshops.plan(workshops.duplicate(planId)).teams()).as("a copy keeps the teams").isEqualTo(plan.teams());
        long run = workshops.open(planId);
        String code = code(run);
        assertThat(workshops.teamChoices(code)).as("the server places students itself").isEmpty();

        Joined ann = join(code, "Ann", null, null, "session-team-ann");
        Joined bob = join(code, "Bob", null, null, "session-team-bob");
        Joined cat = join(code, "Cat", null, null, "session-team-cat");
        assertThat(teamOf(run, ann)).isEqualTo(1);
        assertThat(teamOf(run, bob)).as("team 1 had room").isEqualTo(1);
        assertThat(teamOf(run, cat)).as("team 1 was full").isEqualTo(2);
        workshops.kick(run, bob.seatId());
        Joined dan = join(code, "Dan", null, null, "session-team-dan");
        assertThat(teamOf(run, dan)).as("the fewest members with room, the lowest number on a tie").isEqualTo(1);

        workshops.startNextRound(run);
        Challenge image = workshops.challenge(ann.seatId()).orElseThrow();
        WorkshopService.Submitted annFooled = workshops.submit(ann.seatId(), pgd(image));
        assertThat(annFooled.entry().points()).isPositive();
        workshops.submit(cat.seatId(), workshops.challenge(cat.seatId()).orElseThrow().original());
        workshops.submit(dan.seatId(), workshops.challenge(dan.seatId()).orElseThrow().original());
        RunState closed = workshops.hostState(run);
        assertThat(closed.phase()).isEqualTo(Phase.CLOSED);
        assertThat(closed.teamStandings()).as("the mean of the members in the room, Bob kicked")
                .extracting(TeamPlacing::rank, TeamPlacing::team, TeamPlacing::members, TeamPlacing::points)
                .containsExactly(Tuple.tuple(1, 1, List.of("Ann", "Dan"), annFooled.entry().points() / 2),
                        Tuple.tuple(2, 2, List.of("Cat"), 0.0));

        List<String> lines = workshops.exportCsv(run).lines().toList();
        assertThat(lines.getFirst()).endsWith(",forge_class,team");
        assertThat(lines).filteredOn(line -> line.contains(",Ann,")).singleElement().asString().endsWith(",,1");
        assertThat(lines).filteredOn(line -> line.contains(",Cat,")).singleElement().asString().endsWith(",,2");
        assertThat(lines).filteredOn(line -> line.contains(",Bob,")).singleElement().asString().contains(",kicked,")
                .endsWith(",,1");
    }

    @Test
    void studentsChooseTheirTeamWhereThePlanLetsThemAndAFullOrUnknownTeamIsRefused() {
        instructor("uma");
        assertThatThrownBy(() -> workshops.save(new Plan(null, "Teams of one", true, LeaderboardShown.NEVER, false,
                List.of(RoundSettings.standard()), new Teams(1, true)))).isInstanceOfSatisfying(
                        WorkshopRefusedException.class, e -> assertThat(e.key()).isEqualTo("workshop.refused.team-size"));
        long run = runOf(new Plan(null, "Chosen teams", true, LeaderboardShown.AT_END, false,
                List.of(RoundSettings.standard()), new Teams(2, true)));
        String code = code(run);
        assertThat(workshops.teamChoices(code)).as("a new team only").containsExactly(1);

        Joined ann = chosen(code, "Ann", 1);
        assertThat(workshops.teamChoices(code)).containsExactly(1, 2);
        Joined bob = chosen(code, "Bob", 1);
        assertThat(workshops.teamChoices(code)).as("team 1 is full").containsExactly(2);
        for (Integer refused : new Integer[] {1, 5, null}) {
            assertThatThrownBy(() -> chosen(code, "Cat", refused)).isInstanceOfSatisfying(WorkshopRefusedException.class,
                    e -> assertThat(e.key()).isEqualTo("workshop.refused.team"));
        }
        assertThat(workshops.hostState(run).seats()).as("a refused join stores no seat").hasSize(2);
        Joined cat = chosen(code, "Cat", 2);
        assertThat(List.of(teamOf(run, ann), teamOf(run, bob), teamOf(run, cat))).containsExactly(1, 1, 2);
    }

    // ---- helpers ----

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    /** The adversarial image of the seat's Fool attempt, as PostgreSQL holds it. */
    private float[] storedAdversarial(long seatId) {
        return ImagePng.fromPng(jdbc.queryForObject("select a.adversarial_png from fool_attempt a join workshop_entry e"
                + " on e.attempt_id = a.id where e.seat_id = ?", byte[].class, seatId));
    }

    private long runOf(Plan plan) {
        return workshops.open(workshops.save(plan));
    }

    private String code(long run) {
        return workshops.hostState(run).code();
    }

    private Joined join(String code, String nickname, String studentId, String previous, String session) {
        return workshops.join(new JoinRequest(code, nickname, studentId, previous, session, null));
    }

    private Joined chosen(String code, String nickname, Integer team) {
        return workshops.join(new JoinRequest(code, nickname, null, null, "session-" + nickname + "-" + code, null, team));
    }

    private Integer teamOf(long run, Joined joined) {
        return workshops.hostState(run).seat(joined.seatId()).orElseThrow().team();
    }

    private static String otherCode(String code) {
        return String.format(Locale.ROOT, "%06d", (Integer.parseInt(code) + 1) % 1_000_000);
    }

    private float[] pgd(Challenge challenge) {
        return GradientAttack.pgd(Norm.LINF, 0.3f, 40).toTheEnd()
                .attack(models.classifier(challenge.level().judgingModel(challenge.dataset())), challenge.original(),
                        challenge.goal()).adversarial();
    }

    /** A new active instructor account, acted as. */
    private String instructor(String who) {
        return account(who, "INSTRUCTOR");
    }

    private String admin(String who) {
        return account(who, "ADMIN");
    }

    private String account(String who, String role) {
        String email = who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        jdbc.update("insert into account (email, display_name, role, status, created_at, updated_at)"
                + " values (?, ?, ?, 'ACTIVE', now(), now())", email, who, role);
        actAs(email, role);
        return email;
    }

    private static void actAs(String email, String role) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(email,
                null, List.of(new SimpleGrantedAuthority("ROLE_" + role))));
    }
}
