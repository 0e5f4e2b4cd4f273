package org.adversarialarena.competition.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.adversarialarena.base.ui.UiUpdates;
import java.util.List;
import java.util.Map;
import org.adversarialarena.competition.AccessToken;
import org.adversarialarena.competition.Allowance;
import org.adversarialarena.competition.AttackResult;
import org.adversarialarena.competition.Board;
import org.adversarialarena.competition.BoardRow;
import org.adversarialarena.competition.Channel;
import org.adversarialarena.competition.CompetitionProperties;
import org.adversarialarena.competition.CompetitionRefusedException;
import org.adversarialarena.competition.CompetitionService;
import org.adversarialarena.competition.CompetitionSettings;
import org.adversarialarena.competition.CrossEvaluationService;
import org.adversarialarena.competition.DefenseService;
import org.adversarialarena.competition.Entrant;
import org.adversarialarena.competition.forgetrack.ForgeContestService;
import org.adversarialarena.competition.Submission;
import org.adversarialarena.competition.SubmissionStatus;
import org.adversarialarena.competition.TeamService;
import org.adversarialarena.competition.Viewing;
import org.adversarialarena.player.ui.PlayerGate;
import org.jspecify.annotations.Nullable;

/**
 * One competition: its rules and phase; for a player, entering, their team ({@link TeamSection}), the
 * challenge set, uploading an adversarial set or drafting one in the canvas, their (team's) submissions
 * (statuses update live) and final picks, their allowance and API tokens; the public board and, at the
 * end, the private one; the defense track ({@link DefenseSection}); the cross-evaluation matrix
 * ({@link MatrixSection}); for the host, the CSV export. A private competition
 * is reached with its code ({@code ?code=}), by its entrants and by its host. The page renders the
 * service's {@link Viewing}, reloaded on every change announced for the competition.
 */
@Route(CompetitionPaths.ONE)
@AnonymousAllowed
class CompetitionView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    private static final String BYTE_ORDER_MARK = "\uFEFF";

    private final CompetitionService competitions;
    private final PlayerGate players;
    private final CompetitionProperties properties;
    private final CrossEvaluationService crossEvaluation;
    private Map<Long, List<AttackResult>> againstDefenses = Map.of();
    private final UiUpdates<Long> updates = new UiUpdates<>(this, id -> reload());
    final H2 title = new H2();
    final Paragraph rules = new Paragraph();
    final Paragraph status = new Paragraph();
    final Paragraph track = new Paragraph();
    final Paragraph hostNote = new Paragraph();
    final Button enter = new Button();
    final VerticalLayout entrantArea = new VerticalLayout();
    final Paragraph allowance = new Paragraph();
    final Upload upload;
    final Grid<Submission> mine = new Grid<>();
    final Paragraph picksNote = new Paragraph();
    final Anchor draft = new Anchor();
    private final Grid.Column<Submission> pickColumn;
    private final Grid.Column<Submission> byColumn;
    final TextField tokenName = new TextField();
    final Button createToken = new Button();
    final Paragraph tokenSecret = new Paragraph();
    final Grid<AccessToken> tokens = new Grid<>();
    final Paragraph publicNote = new Paragraph();
    final Grid<BoardRow> publicBoard = new Grid<>();
    final H3 privateTitle = new H3();
    final Grid<BoardRow> privateBoard = new Grid<>();
    final Anchor export = new Anchor();
    final DefenseSection defense;
    final MatrixSection matrix;
    final TeamSection team;
    final ForgeSection forge;
    private long competitionId = -1;
    private @Nullable String code;
    private @Nullable Long playerId;
    private @Nullable Viewing viewing;

    CompetitionView(CompetitionService competitions, DefenseService defenses, CrossEvaluationService crossEvaluation,
            TeamService teams, ForgeContestService forgeContests, PlayerGate players, CompetitionProperties properties) {
        this.competitions = competitions;
        this.crossEvaluation = crossEvaluation;
        this.players = players;
        this.properties = properties;
        setId("competition-view");
        defense = new DefenseSection(defenses, this::reload);
        matrix = new MatrixSection(crossEvaluation, this::reload);
        team = new TeamSection(teams, this::reload);
        forge = new ForgeSection(forgeContests);
        status.setId("competition-status");
        track.setId("competition-track");
        hostNote.setId("competition-host-note");
        enter.setText(getTranslation("competition.enter"));
        enter.setId("competition-enter");
        enter.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        enter.addClickListener(click -> players.whenJoined(player -> act(() -> {
            competitions.enter(competitionId, player, code);
            playerId = player.getId();
        })));
        allowance.setId("competition-allowance");
        upload = new Upload(UploadHandler.inMemory((metadata, data) -> getUI().ifPresent(ui -> ui.access(() -> submit(data)))));
        upload.setId("competition-upload");
        upload.setMaxFileSize((int) properties.maxUpload().toBytes());
        upload.setAcceptedFileTypes(".npy", ".idx", ".ubyte", ".zip");
        upload.addFileRejectedListener(rejected -> Notices.refused(this, CompetitionRefusedException.invalid(
                "competition.refused.too-large", "The file is too large", properties.maxUpload().toKilobytes())));
        mine.setId("competition-mine");
        mine.addColumn(s -> Notices.time(s.submittedAt())).setHeader(getTranslation("competition.mine.time"));
        mine.addColumn(s -> getTranslation("competition.channel." + s.channel().name())).setHeader(getTranslation("competition.mine.channel"));
        mine.addColumn(s -> getTranslation("competition.status." + s.status().name())).setHeader(getTranslation("competition.mine.status"));
        mine.addColumn(s -> s.publicSuccess() == null ? "" : Notices.percent(s.publicSuccess()))
                .setHeader(getTranslation("competition.board.success"));
        mine.addColumn(this::againstDefenses).setHeader(getTranslation("competition.mine.against-defenses"));
        mine.addColumn(s -> s.failure() == null ? "" : s.failure()).setHeader(getTranslation("competition.mine.failure"));
        byColumn = mine.addColumn(Submission::nickname).setHeader(getTranslation("competition.mine.by"));
        pickColumn = mine.addComponentColumn(this::pickBox).setHeader(getTranslation("competition.pick.header"));
        picksNote.setId("competition-picks-note");
        draft.setText(getTranslation("competition.draft.open"));
        draft.setId("competition-draft-link");
        mine.setAllRowsVisible(true);
        tokenName.setLabel(getTranslation("competition.token.name"));
        tokenName.setId("competition-token-name");
        createToken.setText(getTranslation("competition.token.create"));
        createToken.setId("competition-token-create");
        createToken.addClickListener(click -> createToken());
        tokenSecret.setId("competition-token-secret");
        tokens.setId("competition-tokens");
        tokens.addColumn(AccessToken::name).setHeader(getTranslation("competition.token.name"));
        tokens.addColumn(t -> Notices.time(t.expiresAt())).setHeader(getTranslation("competition.token.expires"));
        tokens.addColumn(t -> t.revokedAt() != null ? getTranslation("competition.token.revoked")
                : t.lastUsedAt() == null ? "" : Notices.time(t.lastUsedAt())).setHeader(getTranslation("competition.token.used"));
        tokens.addComponentColumn(this::revokeButton);
        tokens.setAllRowsVisible(true);
        entrantArea.setPadding(false);
        entrantArea.add(allowance, team, new H3(getTranslation("competition.submit.title")),
                new Paragraph(getTranslation("competition.submit.text", properties.maxUpload().toKilobytes())), upload,
                draft, picksNote, mine, new H3(getTranslation("competition.token.title")),
                new Paragraph(getTranslation("competition.token.text")), new HorizontalLayout(tokenName, createToken),
                tokenSecret, tokens);
        publicNote.setId("competition-public-note");
        board(publicBoard, "competition-public-board");
        privateTitle.setText(getTranslation("competition.board.private"));
        board(privateBoard, "competition-private-board");
        export.setText(getTranslation("competition.export"));
        export.setId("competition-export");
        add(title, status, track, rules, hostNote, export, enter, entrantArea,
                new H3(getTranslation("competition.board.public")), publicNote, publicBoard, privateTitle, privateBoard, defense, matrix, forge);
    }

    private void board(Grid<BoardRow> grid, String id) {
        grid.setId(id);
        grid.addColumn(BoardRow::rank).setHeader("#").setFlexGrow(0);
        grid.addColumn(row -> row.name() == null ? getTranslation("competition.board.anonymous") : row.name())
                .setHeader(getTranslation("competition.board.name"));
        grid.addColumn(row -> Notices.percent(row.success())).setHeader(getTranslation("competition.board.success"));
        grid.addColumn(row -> Notices.size(row.perturbation())).setHeader(getTranslation("competition.board.size"));
        grid.addColumn(row -> Notices.time(row.submittedAt())).setHeader(getTranslation("competition.mine.time"));
        grid.setAllRowsVisible(true);
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        competitionId = id;
        code = event.getLocation().getQueryParameters().getSingleParameter("code").orElse(null);
        updates.follow(listener -> competitions.follow(competitionId, listener));
        reload();
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        players.recognised(player -> {
            playerId = player.getId();
            reload();
        });
    }

    void reload() {
        try {
            show(competitions.view(competitionId, playerId, code));
        } catch (CompetitionRefusedException e) {
            viewing = null;
            removeAll();
            add(new H2(getTranslation(e.key(), e.arguments())));
        }
    }

    private void show(Viewing now) {
        viewing = now;
        CompetitionSettings settings = now.competition().settings();
        title.setText(settings.title());
        rules.setText(settings.description());
        status.setText(now.over() ? getTranslation("competition.status.over", Notices.time(settings.endsAt()))
                : now.phase() == null ? getTranslation("competition.status.not-started", Notices.time(settings.startsAt()))
                : getTranslation("competition.status.phase", settings.phases().get(now.phase()).name(),
                        Notices.time(settings.endsAt()), now.entrants()));
        track.setText(getTranslation("competition.track", settings.modelName(), settings.imageCount(),
                getTranslation("competition.norm." + settings.budget().norm().name()), settings.budget().limit()));
        hostNote.setVisible(now.host());
        hostNote.setText(now.competition().joinCode() == null ? getTranslation("competition.host.public-note")
                : getTranslation("competition.host.code-note", now.competition().joinCode()));
        export.setVisible(now.host());
        if (now.host()) {
            export.setHref(DownloadHandler.fromInputStream(event -> {
                byte[] csv = (BYTE_ORDER_MARK + competitions.exportCsv(competitionId)).getBytes(StandardCharsets.UTF_8);
                return new DownloadResponse(new ByteArrayInputStream(csv), "competition-" + competitionId + ".csv",
                        "text/csv; charset=utf-8", csv.length);
            }));
        }
        Entrant entrant = now.entrant();
        enter.setVisible(entrant == null && !now.over());
        entrantArea.setVisible(entrant != null);
        if (entrant != null) {
            Allowance left = now.allowance();
            allowance.setText(left == null ? "" : getTranslation("competition.allowance", left.remainingToday(),
                    left.remainingTotal(), Notices.time(left.resetsAt())));
            upload.setVisible(now.open());
            againstDefenses = crossEvaluation.againstDefenses(entrant.id());
            draft.setVisible(now.open());
            draft.setHref(CompetitionPaths.DRAFT + "/" + competitionId);
            mine.setItems(now.mine());
            int picks = settings.entry().finalPicks();
            long picked = now.mine().stream().filter(Submission::picked).count();
            pickColumn.setVisible(picks > 0);
            byColumn.setVisible(settings.entry().teams());
            picksNote.setVisible(picks > 0);
            picksNote.setText(getTranslation("competition.pick.note", picks, picked));
            tokens.setItems(competitions.tokens(entrant.id()));
        }
        Board shown = now.publicBoard();
        publicNote.setText(shown.blind() ? getTranslation("competition.board.blind")
                : shown.frozen() ? getTranslation("competition.board.frozen", Notices.time(settings.freezesAt())) : "");
        publicBoard.setItems(shown.rows());
        privateTitle.setVisible(now.over());
        privateBoard.setVisible(now.over());
        privateBoard.setItems(now.privateBoard().rows());
        defense.show(now);
        matrix.show(now);
        team.show(now);
        forge.show(now);
    }

    /** The mean share of the public half that the submission's images made the final defenses misclassify. */
    private String againstDefenses(Submission submission) {
        List<AttackResult> results = againstDefenses.getOrDefault(submission.id(), List.of());
        if (results.isEmpty()) {
            return "";
        }
        double mean = results.stream().mapToDouble(AttackResult::publicSuccess).average().orElse(0);
        return getTranslation("competition.mine.against-defenses.value", Notices.percent(mean), results.size());
    }

    void submit(byte[] file) {
        Entrant entrant = viewing == null ? null : viewing.entrant();
        if (entrant == null) {
            return;
        }
        act(() -> competitions.submit(entrant.id(), file, Channel.BROWSER));
    }

    void createToken() {
        Entrant entrant = viewing == null ? null : viewing.entrant();
        if (entrant == null) {
            return;
        }
        try {
            String secret = competitions.createToken(entrant.id(), tokenName.getValue());
            tokenSecret.setText(getTranslation("competition.token.secret", secret));
            tokenName.clear();
        } catch (CompetitionRefusedException e) {
            Notices.refused(this, e);
        }
        reload();
    }

    private Checkbox pickBox(Submission submission) {
        Checkbox box = new Checkbox(submission.picked());
        box.setId("competition-pick-" + submission.id());
        box.setAriaLabel(getTranslation("competition.pick.header"));
        box.setEnabled(viewing != null && !viewing.over() && submission.status() != SubmissionStatus.FAILED);
        box.addValueChangeListener(change -> {
            if (change.isFromClient()) {
                pick(submission.id(), change.getValue());
            }
        });
        return box;
    }

    void pick(long submissionId, boolean pick) {
        Entrant entrant = viewing == null ? null : viewing.entrant();
        if (entrant != null) {
            act(() -> competitions.pick(entrant.id(), submissionId, pick));
        }
    }

    private Button revokeButton(AccessToken token) {
        Button revoke = new Button(getTranslation("competition.token.revoke"), click -> {
            Entrant entrant = viewing == null ? null : viewing.entrant();
            if (entrant != null) {
                act(() -> competitions.revokeToken(entrant.id(), token.id()));
            }
        });
        revoke.setId("competition-token-revoke-" + token.id());
        revoke.setEnabled(token.revokedAt() == null);
        revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        return revoke;
    }

    private void act(Runnable action) {
        try {
            action.run();
        } catch (CompetitionRefusedException e) {
            Notices.refused(this, e);
        }
        reload();
    }

    @Override
    public String getPageTitle() {
        return (viewing == null ? getTranslation("competition.list.title") : viewing.competition().settings().title())
                + " · " + getTranslation("app.name");
    }
}
