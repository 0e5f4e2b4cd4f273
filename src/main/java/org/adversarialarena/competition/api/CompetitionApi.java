package org.adversarialarena.competition.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.adversarialarena.competition.Allowance;
import org.adversarialarena.competition.AttackResult;
import org.adversarialarena.competition.Board;
import org.adversarialarena.competition.BoardRow;
import org.adversarialarena.competition.Channel;
import org.adversarialarena.competition.CompetitionProperties;
import org.adversarialarena.competition.CompetitionService;
import org.adversarialarena.competition.CrossEvaluationService;
import org.adversarialarena.competition.DefenseBoard;
import org.adversarialarena.competition.DefenseBoardRow;
import org.adversarialarena.competition.DefenseService;
import org.adversarialarena.competition.Matrix;
import org.adversarialarena.competition.Entrant;
import org.adversarialarena.competition.Submission;
import org.adversarialarena.competition.Viewing;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a participant's notebook calls: the competition's state and their allowance, the challenge set,
 * submitting an adversarial set (the file as the request body), their submissions' statuses and the
 * board as they may see it. Every call needs {@code Authorization: Bearer <token>}, a personal access
 * token made in the browser for this competition.
 */
@ConditionalOnWebApplication
@RestController
@RequestMapping("/api/competitions/{id}")
@Tag(name = "Competitions", description = "Attack-track submissions with a personal access token")
@SecurityRequirement(name = "token")
class CompetitionApi {

    private static final String BEARER = "Bearer ";

    private final CompetitionService competitions;
    private final DefenseService defenses;
    private final CrossEvaluationService crossEvaluation;
    private final CompetitionProperties properties;

    CompetitionApi(CompetitionService competitions, DefenseService defenses, CrossEvaluationService crossEvaluation,
            CompetitionProperties properties) {
        this.competitions = competitions;
        this.defenses = defenses;
        this.crossEvaluation = crossEvaluation;
        this.properties = properties;
    }

    /** The competition as the token's entrant sees it. */
    record CompetitionInfo(long id, String title, String description, String target, String budgetNorm,
            double budgetLimit, int images, Instant startsAt, Instant endsAt, @Nullable String phase, boolean over,
            int remainingToday, int remainingTotal, Instant resetsAt, int finalPicks, int maxTeamSize) {
    }

    record SubmissionInfo(long id, String status, @Nullable String failure, int phase, Instant submittedAt,
            @Nullable Instant evaluatedAt, @Nullable Double publicSuccess, @Nullable Double publicPerturbation,
            @Nullable Double privateSuccess, @Nullable Double privatePerturbation, boolean picked,
            List<AttackResult> againstDefenses) {
    }

    /** The final defenses once fixed (their hashes are the commitments), and whether their weights are released. */
    record FinalDefensesInfo(Instant fixedAt, boolean weightsReleased, List<DefenseBoardRow> defenses) {
    }

    record BoardInfo(boolean privateHalf, boolean frozen, boolean blind, List<BoardRow> rows) {
    }

    @Operation(summary = "The competition, its phase and your remaining submissions")
    @GetMapping
    CompetitionInfo competition(@PathVariable long id, @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization) {
        Entrant entrant = entrant(authorization, id);
        Viewing viewing = competitions.view(id, entrant.playerId(), null);
        var settings = viewing.competition().settings();
        Allowance allowance = competitions.allowance(entrant);
        return new CompetitionInfo(id, settings.title(), settings.description(), settings.modelName(),
                settings.budget().norm().name(), settings.budget().limit(), settings.imageCount(), settings.startsAt(),
                settings.endsAt(), viewing.phase() == null ? null : settings.phases().get(viewing.phase()).name(),
                viewing.over(), allowance.remainingToday(), allowance.remainingTotal(), allowance.resetsAt(),
                settings.entry().finalPicks(), settings.entry().maxTeamSize());
    }

    @Operation(summary = "The challenge set: float32 .npy of shape [K,28,28], values in [0,1]")
    @GetMapping(value = "/challenge.npy", produces = MediaType.APPLICATION_OCTET_STREAM_VALUE)
    ResponseEntity<byte[]> challenge(@PathVariable long id, @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization) {
        entrant(authorization, id);
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=challenge-" + id + ".npy")
                .body(competitions.challengeNpy(id));
    }

    @Operation(summary = "The challenge set's true labels, in order")
    @GetMapping("/labels")
    int[] labels(@PathVariable long id, @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization) {
        entrant(authorization, id);
        return competitions.challengeLabels(id);
    }

    @Operation(summary = "Submit an adversarial set: the .npy or IDX file as the request body")
    @PostMapping(value = "/submissions", consumes = MediaType.ALL_VALUE)
    ResponseEntity<SubmissionInfo> submit(@PathVariable long id,
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
            HttpServletRequest request) throws IOException {
        Entrant entrant = entrant(authorization, id);
        byte[] file = readLimited(request.getInputStream(), properties.maxUpload().toBytes());
        Submission submission = competitions.submit(entrant.id(), file, Channel.API);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(info(submission, Map.of()));
    }

    @Operation(summary = "Your submissions, newest first")
    @GetMapping("/submissions")
    List<SubmissionInfo> submissions(@PathVariable long id, @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization) {
        Entrant entrant = entrant(authorization, id);
        Map<Long, List<AttackResult>> results = crossEvaluation.againstDefenses(entrant.id());
        return competitions.submissionsOf(entrant.id()).stream().map(s -> info(s, results)).toList();
    }

    @Operation(summary = "One of your submissions: its status and scores")
    @GetMapping("/submissions/{submission}")
    SubmissionInfo submission(@PathVariable long id, @PathVariable long submission,
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization) {
        Entrant entrant = entrant(authorization, id);
        return info(competitions.submissionOf(entrant.id(), submission), crossEvaluation.againstDefenses(entrant.id()));
    }

    @Operation(summary = "Pick one of your (or your team's) submissions as final, for the private board, until the end")
    @PutMapping("/submissions/{submission}/pick")
    SubmissionInfo pick(@PathVariable long id, @PathVariable long submission,
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization) {
        Entrant entrant = entrant(authorization, id);
        return info(competitions.pick(entrant.id(), submission, true), crossEvaluation.againstDefenses(entrant.id()));
    }

    @Operation(summary = "Unpick a final submission, until the end")
    @DeleteMapping("/submissions/{submission}/pick")
    SubmissionInfo unpick(@PathVariable long id, @PathVariable long submission,
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization) {
        Entrant entrant = entrant(authorization, id);
        return info(competitions.pick(entrant.id(), submission, false), crossEvaluation.againstDefenses(entrant.id()));
    }

    @Operation(summary = "The board as you may see it now: public (live, frozen or blind) and, after the end, private")
    @GetMapping("/board")
    List<BoardInfo> board(@PathVariable long id, @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization) {
        Entrant entrant = entrant(authorization, id);
        Viewing viewing = competitions.view(id, entrant.playerId(), null);
        return List.of(board(viewing.publicBoard()), board(viewing.privateBoard()));
    }

    @Operation(summary = "The defense boards as you may see them now: public (live, frozen or blind) and, after the end, private")
    @GetMapping("/defense-board")
    List<DefenseBoard> defenseBoard(@PathVariable long id, @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization) {
        Viewing viewing = viewing(authorization, id);
        return List.of(defenses.publicBoard(viewing), defenses.privateBoard(viewing));
    }

    @Operation(summary = "The final defenses (targets of the attack phase) with their weights' SHA-256, once fixed")
    @GetMapping("/defenses")
    FinalDefensesInfo finalDefenses(@PathVariable long id, @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization) {
        Viewing viewing = viewing(authorization, id);
        var settings = viewing.competition().settings();
        return new FinalDefensesInfo(settings.defensesFixedAt(), settings.weightsReleased(viewing.now()),
                defenses.finalDefenses(viewing));
    }

    @Operation(summary = "A final defense's weights (DL4J model file), in a white-box phase")
    @GetMapping(value = "/defenses/{defense}/weights", produces = MediaType.APPLICATION_OCTET_STREAM_VALUE)
    ResponseEntity<byte[]> weights(@PathVariable long id, @PathVariable long defense,
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization) {
        byte[] weights = defenses.releasedWeights(viewing(authorization, id), defense);
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=defense-" + defense + ".zip").body(weights);
    }

    @Operation(summary = "The cross-evaluation matrix (final attacks x final defenses), once the competition is over")
    @GetMapping("/matrix")
    Matrix matrix(@PathVariable long id, @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization) {
        return crossEvaluation.matrix(viewing(authorization, id));
    }

    private Viewing viewing(@Nullable String authorization, long competitionId) {
        return competitions.view(competitionId, entrant(authorization, competitionId).playerId(), null);
    }

    private Entrant entrant(@Nullable String authorization, long competitionId) {
        String token = authorization != null && authorization.startsWith(BEARER)
                ? authorization.substring(BEARER.length()).strip() : null;
        return competitions.authenticate(token, competitionId);
    }

    /** Reads at most one byte more than the limit: enough to tell an oversized upload without holding it. */
    private static byte[] readLimited(InputStream in, long limit) throws IOException {
        return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
    }

    private static BoardInfo board(Board board) {
        return new BoardInfo(board.privateHalf(), board.frozen(), board.blind(), board.rows());
    }

    private static SubmissionInfo info(Submission s, Map<Long, List<AttackResult>> results) {
        return new SubmissionInfo(s.id(), s.status().name(), s.failure(), s.phase() + 1, s.submittedAt(), s.evaluatedAt(),
                s.publicSuccess(), s.publicPerturbation(), s.privateSuccess(), s.privatePerturbation(), s.picked(),
                results.getOrDefault(s.id(), List.of()));
    }
}
