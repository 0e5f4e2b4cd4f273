package org.adversarialarena.workshop.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.adversarialarena.base.Refusal;
import org.adversarialarena.base.security.ClientAddress;
import org.adversarialarena.base.ui.ClassBars;
import org.adversarialarena.base.ui.LocalFormat;
import org.adversarialarena.base.ui.PixelCanvas;
import org.adversarialarena.base.ui.SessionKey;
import org.adversarialarena.base.ui.UiUpdates;
import org.adversarialarena.fool.Challenge;
import org.adversarialarena.fool.FoolService;
import org.adversarialarena.fool.Probe;
import org.adversarialarena.forge.ui.ForgePad;
import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.player.NicknameRefusedException;
import org.adversarialarena.player.Player;
import org.adversarialarena.quota.LimitReachedException;
import org.adversarialarena.quota.LiveJudgingLimiter;
import org.adversarialarena.workshop.EntryResult;
import org.adversarialarena.workshop.JoinRequest;
import org.adversarialarena.workshop.Joined;
import org.adversarialarena.workshop.Phase;
import org.adversarialarena.workshop.RoundSettings;
import org.adversarialarena.workshop.RunState;
import org.adversarialarena.workshop.SeatState;
import org.adversarialarena.workshop.WorkshopService.Seat;
import org.adversarialarena.workshop.WorkshopService;
import org.jspecify.annotations.Nullable;

/**
 * A student's screen in a workshop, made for a phone: join with the code and a nickname (the browser
 * keeps a seat token, so a refresh, a closed tab or a server restart brings the student back to the
 * same seat), wait in the lobby, play each round's Fool challenge with the model's view after every
 * stroke, or forge the round's class on Forge's canvas ({@link ForgePad}) against the run's class
 * detective, with a countdown, wait for the others, see the round's result and the ranking the workshop
 * shows, and a summary at the end. Every rule is the server's: this page renders what the run's state
 * says and forwards the student's actions.
 */
@Route(WorkshopPaths.PLAY)
@AnonymousAllowed
class PlayView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {

    static final String STORAGE_KEY = "adversarial-arena.workshop-seat";

    private final WorkshopService workshops;
    private final FoolService fool;
    private final Clock clock;
    private final BooleanSupplier judgementAllowed;

    final Div joinForm = new Div();
    final TextField code = new TextField();
    final TextField nickname = new TextField();
    final TextField studentId = new TextField();
    final Select<Integer> team = new Select<>();
    final Button suggest = new Button();
    final Button join = new Button();

    final Div seat = new Div();
    final H3 who = new H3();
    final Paragraph message = new Paragraph();
    final Div game = new Div();
    final Paragraph roundTitle = new Paragraph();
    final Countdown countdown = new Countdown();
    final Paragraph goal = new Paragraph();
    final PixelCanvas canvas = new PixelCanvas();
    final ClassBars bars = new ClassBars();
    final Paragraph status = new Paragraph();
    final Button submit = new Button();
    final Paragraph result = new Paragraph();
    final StandingsPanel standings = new StandingsPanel("workshop-play-standings");
    final ForgePad forgePad;

    private final UiUpdates<RunState> updates = new UiUpdates<>(this, this::show);
    private @Nullable Seat current;
    private @Nullable Challenge challenge;
    private @Nullable String storedToken;
    private int roundOfChallenge = -1;
    private int roundOfForgery = -1;

    PlayView(WorkshopService workshops, FoolService fool, LiveJudgingLimiter judging, Clock clock) {
        this.workshops = workshops;
        this.fool = fool;
        this.clock = clock;
        this.judgementAllowed = judging.forSession(SessionKey.current());
        this.forgePad = new ForgePad(judgementAllowed);
        setId("workshop-play");
        addClassName("workshop-play");
        buildJoinForm();
        buildGame();
        seat.setId("workshop-seat");
        who.setId("workshop-who");
        message.setId("workshop-message");
        result.setId("workshop-result");
        seat.add(who, message, game, result, standings);
        seat.setVisible(false);
        H2 title = new H2(getTranslation("workshop.play.title"));
        title.addClassName("workshop-play-title");
        add(title, joinForm, seat);
    }

    private void buildJoinForm() {
        joinForm.setId("workshop-join-form");
        joinForm.addClassName("workshop-join-form");
        code.setId("workshop-join-code");
        // A phone shows its number pad for the code; autocorrect would "fix" codes, nicknames and ids.
        code.addAttachListener(attach -> code.getElement().executeJs("this.inputElement.inputMode = 'numeric'"));
        code.setAutocorrect(false);
        code.setLabel(getTranslation("workshop.play.code"));
        code.setAllowedCharPattern("[0-9 ]");
        code.setMaxLength(7);
        nickname.setId("workshop-join-nickname");
        nickname.setLabel(getTranslation("player.join.nickname"));
        nickname.setMaxLength(Player.MAX_NICKNAME_LENGTH);
        nickname.setAutocorrect(false);
        suggest.setId("workshop-join-suggest");
        suggest.setText(getTranslation("workshop.play.suggest"));
        suggest.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        suggest.addClickListener(click -> nickname.setValue(workshops.suggestNickname(code.getValue())));
        studentId.setId("workshop-join-student-id");
        studentId.setLabel(getTranslation("workshop.play.student-id"));
        studentId.setMaxLength(WorkshopService.MAX_STUDENT_ID_LENGTH);
        studentId.setAutocorrect(false);
        join.setId("workshop-join");
        join.setText(getTranslation("workshop.play.join"));
        join.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        join.addClickListener(click -> join());
        team.setId("workshop-join-team");
        team.setLabel(getTranslation("workshop.play.team"));
        team.setVisible(false);
        code.addValueChangeListener(change -> offerTeams());
        joinForm.add(code, nickname, suggest, studentId, team, join);
    }

    private void buildGame() {
        game.setId("workshop-game");
        game.addClassName("workshop-game");
        roundTitle.setId("workshop-round-title");
        countdown.setId("workshop-play-countdown");
        goal.setId("workshop-goal");
        canvas.setId("workshop-canvas");
        canvas.setBrushSize(0.5);
        canvas.addImageChangeListener(change -> stroke(change.pixels(), change.sequence()));
        bars.setId("workshop-bars");
        status.setId("workshop-status");
        // The verdict after each stroke, the round's messages and result are read out as they change (WCAG 4.1.3).
        for (Paragraph live : List.of(status, message, result)) {
            live.getElement().setAttribute("role", "status");
            live.getElement().setAttribute("aria-live", "polite");
        }
        submit.setId("workshop-submit");
        submit.setText(getTranslation("fool.submit"));
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickListener(click -> submit());
        forgePad.setId("workshop-forge");
        forgePad.canvas.setId("workshop-forge-canvas");
        forgePad.submit.setId("workshop-forge-submit");
        forgePad.submit.addClickListener(click -> submitForgery());
        game.add(roundTitle, countdown, goal, canvas, bars, status, submit, forgePad);
        game.setVisible(false);
    }

    /** Where the code's workshop lets students choose their team: its teams with room, then a new one. */
    private void offerTeams() {
        List<Integer> choices = workshops.teamChoices(code.getValue());
        team.setVisible(!choices.isEmpty());
        team.setItemLabelGenerator(number -> getTranslation(number.equals(choices.isEmpty() ? null : choices.getLast())
                ? "workshop.play.team-new" : "workshop.team.name", number));
        team.setItems(choices);
        if (!choices.isEmpty()) {
            team.setValue(choices.getFirst());
        }
    }

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter @Nullable String joinCode) {
        if (joinCode != null) {
            code.setValue(joinCode);
        }
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        if (current != null) {
            return;
        }
        UI ui = attachEvent.getUI();
        ui.getPage().executeJs("return window.localStorage.getItem($0)", STORAGE_KEY).then(String.class, token -> {
            storedToken = token;
            workshops.resume(token).ifPresent(this::sit);
        });
    }

    void join() {
        try {
            Joined joined = workshops.join(new JoinRequest(code.getValue(), nickname.getValue(), studentId.getValue(),
                    storedToken, SessionKey.current(), ClientAddress.current(), team.getValue()));
            storedToken = joined.seatToken();
            getUI().ifPresent(ui -> ui.getPage().executeJs("window.localStorage.setItem($0, $1)", STORAGE_KEY,
                    joined.seatToken()));
            workshops.resume(joined.seatToken()).ifPresent(this::sit);
        } catch (Refusal e) {
            Texts.refused(this, e);
            offerTeams();
        } catch (NicknameRefusedException e) {
            Texts.warn(this, getTranslation(e.messageKey()));
        } catch (LimitReachedException e) {
            Texts.warn(this, getTranslation("workshop.refused.too-many", e.retryAfterSeconds()));
        }
    }

    private void sit(Seat taken) {
        current = taken;
        // a phone then gives the game the title's room (styles.css)
        addClassName("workshop-seated");
        joinForm.setVisible(false);
        seat.setVisible(true);
        who.setText(getTranslation("workshop.play.you", taken.nickname()));
        show(workshops.state(taken.runId()));
        updates.follow(listener -> workshops.follow(taken.runId(), listener));
    }

    /** Renders the run as this student sees it: the phase, their own round and nothing of anyone else's but nicknames. */
    void show(RunState run) {
        Seat mine = current;
        if (mine == null) {
            return;
        }
        Optional<SeatState> state = run.seat(mine.seatId());
        if (state.isEmpty() || !state.get().active()) {
            removed();
            return;
        }
        Phase phase = run.phase();
        boolean submitted = run.hasSubmitted(mine.seatId());
        roundTitle.setText(Texts.roundTitle(this, run));
        countdown.show(run, clock.instant());
        standings.setVisible(phase == Phase.CLOSED && run.leaderboard().afterRounds()
                || phase == Phase.FINISHED && run.leaderboard().atEnd());
        standings.show(run);
        who.setText(state.get().team() == null ? getTranslation("workshop.play.you", mine.nickname())
                : getTranslation("workshop.play.you-team", mine.nickname(), state.get().team()));
        switch (phase) {
            case LOBBY -> waiting(getTranslation("workshop.play.lobby"));
            case OPEN, PAUSED -> {
                if (submitted) {
                    waiting(getTranslation("workshop.play.wait-others"));
                    showOwnResult(run);
                } else {
                    play(run);
                }
            }
            case CLOSED -> {
                waiting(getTranslation(run.lastRound() ? "workshop.play.wait-end" : "workshop.play.wait-next"));
                showOwnResult(run);
            }
            case FINISHED -> {
                waiting(summary(run, mine));
                result.setVisible(false);
            }
        }
    }

    private void play(RunState run) {
        Seat mine = current;
        if (mine == null) {
            return;
        }
        message.setVisible(run.phase() == Phase.PAUSED);
        message.setText(getTranslation("workshop.play.paused"));
        result.setVisible(false);
        game.setVisible(true);
        boolean forge = run.currentRound().map(RoundSettings::isForge).orElse(false);
        for (Component fool : List.of(canvas, bars, status, submit)) {
            fool.setVisible(!forge);
        }
        forgePad.setVisible(forge);
        if (forge) {
            playForge(run, mine);
            return;
        }
        Challenge known = challenge;
        if (known == null || !isCurrentRound(known, run)) {
            try {
                workshops.challenge(mine.seatId()).ifPresent(issued -> start(issued, run.roundIndex()));
            } catch (Refusal e) {
                Texts.refused(this, e);
            }
        }
        boolean open = run.phase() == Phase.OPEN;
        canvas.setReadOnly(!open);
        submit.setEnabled(open);
    }

    /** A Forge round: the class to forge on Forge's canvas, judged by the run's class detective. */
    private void playForge(RunState run, Seat mine) {
        if (roundOfForgery != run.roundIndex()) {
            try {
                workshops.forgePrompt(mine.seatId()).ifPresent(this::startForge);
            } catch (Refusal e) {
                Texts.refused(this, e);
            }
        }
        forgePad.setOpen(run.phase() == Phase.OPEN);
    }

    private void startForge(WorkshopService.ForgePrompt prompt) {
        roundOfForgery = prompt.roundIndex();
        DatasetId dataset = prompt.detective().dataset();
        goal.setText(getTranslation("workshop.play.forge-goal", Texts.className(this, dataset, prompt.forgeClass())));
        List<String> names = IntStream.range(0, dataset.classCount()).mapToObj(c -> Texts.className(this, dataset, c))
                .toList();
        long seatId = mine().seatId();
        forgePad.start(dataset, prompt.forgeClass(), names,
                (pixels, withSaliency) -> workshops.judgeForgery(seatId, pixels, withSaliency));
    }

    void submitForgery() {
        Seat mine = current;
        if (mine == null) {
            return;
        }
        try {
            forgePad.submit(pixels -> workshops.submitForgery(mine.seatId(), pixels).submission())
                    .ifPresent(submitted -> show(workshops.state(mine.runId())));
        } catch (Refusal e) {
            Texts.refused(this, e);
        }
    }

    private Seat mine() {
        Seat mine = current;
        if (mine == null) {
            throw new IllegalStateException("No seat is taken on this page");
        }
        return mine;
    }

    private boolean isCurrentRound(Challenge known, RunState run) {
        return roundOfChallenge == run.roundIndex();
    }

    private void start(Challenge issued, int roundIndex) {
        challenge = issued;
        roundOfChallenge = roundIndex;
        float[] original = issued.original();
        canvas.setImage(original);
        canvas.setLimits(original, issued.budget().lowerBounds(original), issued.budget().upperBounds(original),
                issued.budget().maxChangedPixels());
        bars.setLabels(IntStream.range(0, issued.dataset().classCount())
                .mapToObj(c -> Texts.className(this, issued.dataset(), c)).toList());
        bars.setTrueClass(issued.trueClass());
        bars.setTargetClass(issued.targetClass());
        String truth = Texts.className(this, issued.dataset(), issued.trueClass());
        goal.setText(issued.targeted()
                ? getTranslation("fool.goal.targeted", truth, Texts.className(this, issued.dataset(), issued.targetClass()),
                        issued.budget().display())
                : getTranslation("fool.goal.untargeted", truth, issued.budget().display()));
        showProbe(fool.probe(issued, original));
    }

    void stroke(float[] pixels, long sequence) {
        Challenge playing = challenge;
        if (playing == null || !submit.isEnabled()) {
            return;
        }
        bars.getElement().setAttribute("data-seq", String.valueOf(sequence));
        if (!judgementAllowed.getAsBoolean()) {
            status.setText(getTranslation("live.too-fast"));
            return;
        }
        try {
            showProbe(fool.probe(playing, pixels));
        } catch (Refusal e) {
            Texts.refused(this, e);
        }
    }

    private void showProbe(Probe probe) {
        bars.setValues(probe.probabilities());
        Challenge playing = challenge;
        if (playing == null) {
            return;
        }
        String says = getTranslation("fool.status.says", Texts.className(this, playing.dataset(), probe.predictedClass()),
                LocalFormat.percent(probe.probabilities()[probe.predictedClass()], 1));
        status.setText(probe.fooled() && !playing.level().hiddenModel() ? says + " " + getTranslation("fool.status.fooled")
                : says);
    }

    void submit() {
        Seat mine = current;
        if (mine == null) {
            return;
        }
        try {
            workshops.submit(mine.seatId(), canvas.getImage());
            show(workshops.state(mine.runId()));
        } catch (Refusal e) {
            Texts.refused(this, e);
        } catch (LimitReachedException e) {
            Texts.warn(this, getTranslation("fool.rejected.too-soon", e.retryAfterSeconds()));
        }
    }

    private void showOwnResult(RunState run) {
        Seat mine = current;
        if (mine == null) {
            return;
        }
        Optional<EntryResult> entry = workshops.entryResult(run.id(), run.roundIndex(), mine.seatId());
        result.setVisible(true);
        if (entry.isEmpty() || !entry.get().didSubmit()) {
            result.setText(getTranslation("workshop.play.no-submission"));
        } else {
            boolean counts = run.currentRound().map(round -> round.points()).orElse(false);
            boolean forge = run.currentRound().map(RoundSettings::isForge).orElse(false);
            String key = forge ? (entry.get().success() ? "workshop.play.forge-fooled" : "workshop.play.forge-caught")
                    : (entry.get().success() ? "workshop.play.fooled" : "workshop.play.not-fooled");
            result.setText(getTranslation(key, Texts.points(counts ? entry.get().points() : 0)));
        }
    }

    private String summary(RunState run, Seat mine) {
        List<EntryResult> entries = workshops.entriesOf(run.id(), mine.seatId());
        long fooled = entries.stream().filter(EntryResult::success).count();
        double points = run.seat(mine.seatId()).map(SeatState::points).orElse(0.0);
        int rank = run.standings().stream().filter(p -> p.seatId() == mine.seatId()).findFirst().map(p -> p.rank())
                .orElse(0);
        return getTranslation("workshop.play.finished", fooled, run.roundNumber(), Texts.points(points), rank,
                run.activeSeats().size());
    }

    private void waiting(String text) {
        game.setVisible(false);
        message.setVisible(true);
        message.setText(text);
    }

    /** The host emptied this seat: the browser forgets its token; a kicked student may join again. */
    private void removed() {
        current = null;
        challenge = null;
        roundOfForgery = -1;
        removeClassName("workshop-seated");
        getUI().ifPresent(ui -> ui.getPage().executeJs("window.localStorage.removeItem($0)", STORAGE_KEY));
        seat.setVisible(false);
        joinForm.setVisible(true);
        Texts.warn(this, getTranslation("workshop.play.removed"));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("workshop.play.title") + " · " + getTranslation("app.name");
    }
}
