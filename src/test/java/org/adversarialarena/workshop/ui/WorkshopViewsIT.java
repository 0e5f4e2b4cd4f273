package org.adversarialarena.workshop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.ComponentTester;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.internal.JacksonUtils;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.adversarialarena.base.ui.BrowserRequest;
import org.adversarialarena.base.ui.LineChart;
import org.adversarialarena.base.ui.PixelCanvas;
import org.adversarialarena.catalog.ModelCatalog;
import org.adversarialarena.fool.Challenge;
import org.adversarialarena.fool.FoolLevel;
import org.adversarialarena.forge.ForgeService;
import org.adversarialarena.ml.attack.GradientAttack;
import org.adversarialarena.ml.attack.Norm;
import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.player.ui.BrowserStorage;
import org.adversarialarena.round.Game;
import org.adversarialarena.workshop.EntryResult;
import org.adversarialarena.workshop.ForgeReveal;
import org.adversarialarena.workshop.LeaderboardShown;
import org.adversarialarena.workshop.Phase;
import org.adversarialarena.workshop.Plan;
import org.adversarialarena.workshop.RoundSettings;
import org.adversarialarena.workshop.RunState;
import org.adversarialarena.workshop.SeatStatus;
import org.adversarialarena.workshop.Teams;
import org.adversarialarena.workshop.WorkshopService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.util.AopTestUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The three workshop screens and the plan editor without a browser (Vaadin's browserless testing), on
 * the real service, networks and embedded PostgreSQL: the instructor's pages signed in, the student's
 * as a visitor. Live pushes are left to the browser journey: here each screen renders the run's state
 * after an action, as its live update would make it.
 */
@SpringBootTest
class WorkshopViewsIT extends SpringBrowserlessTest {

    @Autowired
    WorkshopService workshops;

    @Autowired
    ModelCatalog models;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ForgeService forge;

    private String instructor = "";

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void anInstructorWritesAPlanRunsItAndTheProjectorShowsTheCodeAndAQrCodeToJoin() {
        signInAsInstructor();
        PlanEditorView editor = target(navigate(PlanEditorView.class));
        test(editor.name).setValue("Tuesday class");
        test(editor.addRound).click();
        editor.editors.getLast().level.setValue(FoolLevel.TARGETED);
        test(editor.save).click();

        WorkshopsView list = target((WorkshopsView) getCurrentView());
        long planId = workshops.plans().getFirst().id();
        assertThat(workshops.plan(planId).rounds()).extracting(RoundSettings::level)
                .containsExactly(FoolLevel.FEW_PIXELS, FoolLevel.TARGETED);
        list.run(planId);

        HostView host = target((HostView) getCurrentView());
        RunState run = workshops.runs().isEmpty() ? null : workshops.hostState(workshops.runs().getFirst().id());
        assertThat(run).isNotNull();
        assertThat(host.code.getText()).isEqualTo("Join code: " + run.code());
        assertThat(host.next.getText()).isEqualTo("Start the first round");
        assertThat(host.pause.isEnabled()).isFalse();

        ProjectorView projector = target(navigate(ProjectorView.class, run.id()));
        assertThat(projector.lobby.isVisible()).isTrue();
        assertThat(projector.lobby.code.getText()).isEqualTo(run.code().substring(0, 3) + " " + run.code().substring(3));
        assertThat(projector.lobby.joinAt.getText()).contains("/play").contains(run.code());
        assertThat($(Image.class).id("workshop-qr").getSrc()).startsWith("data:image/svg+xml;base64,");
        assertThat(projector.round.isVisible()).isFalse();
    }

    @Test
    void aStudentJoinsPlaysTheRoundFoolsTheModelAndTheProjectorRevealsIt() {
        long runId = openRun(new RoundSettings(FoolLevel.FAINT_TOUCH, DatasetId.MNIST, true, 300, true));
        String code = stateOf(runId).code();

        PlayView play = joinAsStudent(code, "Lina");
        assertThat(play.message.getText()).isEqualTo("You’re in. Wait for the host to start the first round.");
        assertThat(play.game.isVisible()).isFalse();

        asInstructor(() -> workshops.startNextRound(runId));
        play.show(workshops.state(runId));
        assertThat(play.game.isVisible()).isTrue();
        assertThat(play.roundTitle.getText()).isEqualTo("Round 1 of 1 · Faint touch · MNIST digits");
        assertThat(play.goal.getText()).startsWith("The network sees");
        Challenge challenge = workshops.challenge(seatOf(runId, "Lina")).orElseThrow();

        new Painting(play.canvas).paint(GradientAttack.pgd(Norm.LINF, 0.3f, 40).toTheEnd().attack(
                models.classifier(challenge.level().judgingModel(challenge.dataset())), challenge.original(),
                challenge.goal()).adversarial());
        assertThat(play.status.getText()).endsWith("Fooled: submit it!");
        test(play.submit).click();

        assertThat(stateOf(runId).phase()).as("the only student submitted").isEqualTo(Phase.CLOSED);
        assertThat(play.result.getText()).startsWith("You fooled the model:").endsWith("points.");
        assertThat(play.standings.isVisible()).isTrue();
        assertThat(play.standings.text()).contains("1.").contains("Lina");

        signInAs(instructor);
        ProjectorView projector = target(navigate(ProjectorView.class, runId));
        assertThat(projector.reveal.isVisible()).isTrue();
        assertThat(projector.reveal.rate.getText()).isEqualTo("1 of 1 fooled the model (100 %); 1 submitted.");
        assertThat(projector.reveal.best.getElement().getTextRecursively()).contains("Lina");
        assertThat($(Div.class).id("workshop-map-class").isVisible()).isTrue();
        assertThat(projector.standings.isVisible()).isTrue();
    }

    @Test
    void theHostKicksAStudentWhoseScreenSaysSoAndShowsTheJoinFormAgain() {
        long runId = openRun(RoundSettings.standard());
        PlayView play = joinAsStudent(stateOf(runId).code(), "Omar");
        long seat = seatOf(runId, "Omar");

        signInAs(instructor);
        HostView host = target(navigate(HostView.class, runId));
        assertThat(host.seats.getGenericDataView().getItems().toList()).extracting(s -> s.nickname())
                .containsExactly("Omar");
        HorizontalLayout actions = (HorizontalLayout) test(host.seats)
                        .getCellComponent(0, (int) host.seats.getColumns().stream().filter(c -> c.isVisible()).count() - 1);
        Button kick = (Button) actions.getComponentAt(0);
        assertThat(kick.getId()).hasValue("workshop-kick-" + seat);
        test(kick).click();
        assertThat(stateOf(runId).seat(seat).orElseThrow().status()).isEqualTo(SeatStatus.KICKED);
        SecurityContextHolder.clearContext();

        play.show(workshops.state(runId));
        assertThat(play.joinForm.isVisible()).isTrue();
        assertThat(play.seat.isVisible()).isFalse();
        assertThat(test($(Notification.class).last()).getText()).isEqualTo("The host took you out of the workshop.");
    }

    @Test
    void aWrongCodeIsRefusedWithAMessageAndNothingIsStored() {
        long runId = openRun(RoundSettings.standard());
        String wrong = String.format(Locale.ROOT, "%06d", (Integer.parseInt(stateOf(runId).code()) + 1) % 1_000_000);
        PlayView play = openPlay();
        test(play.code).setValue(wrong);
        test(play.nickname).setValue("Nia");
        test(play.join).click();
        assertThat(test($(Notification.class).last()).getText()).isEqualTo("No workshop has this code.");
        assertThat(play.seat.isVisible()).isFalse();
        test(play.suggest).click();
        assertThat(play.nickname.getValue()).matches("[A-Z][a-z]+[A-Z][a-z]+\\d{2}");
    }

    @Test
    void anInstructorPlansAForgeRoundAndAStudentForgesOnTheForgeCanvasWhichTheProjectorReveals() throws Exception {
        signInAsInstructor();
        PlanEditorView editor = target(navigate(PlanEditorView.class));
        test(editor.name).setValue("Forge class");
        test(editor.addRound).click();
        PlanEditorView.RoundEditor forgeRound = editor.editors.getLast();
        forgeRound.game.setValue(Game.FORGE);
        assertThat(forgeRound.level.isVisible()).isFalse();
        assertThat(forgeRound.forgeClass.isVisible()).isTrue();
        forgeRound.forgeClass.setValue(3);
        test(editor.save).click();
        long planId = workshops.plans().getFirst().id();
        assertThat(workshops.plan(planId).rounds().getLast()).isEqualTo(RoundSettings.forge(DatasetId.MNIST, 3, 120, true));
        SecurityContextHolder.clearContext();

        long runId = openRun(RoundSettings.forge(DatasetId.MNIST, 7, 300, true));
        PlayView play = joinAsStudent(stateOf(runId).code(), "Mei");
        asInstructor(() -> workshops.startNextRound(runId));
        play.show(workshops.state(runId));
        assertThat(play.forgePad.isVisible()).isTrue();
        assertThat(play.canvas.isVisible()).as("Fool's canvas").isFalse();
        assertThat(play.roundTitle.getText()).isEqualTo("Round 1 of 1 · Forge: 7 · MNIST digits");
        assertThat(play.goal.getText()).startsWith("Forge an image of “7”");
        assertThat(play.forgePad.verdictText()).startsWith("The detective (v");

        float[] seven = new float[784];
        for (int x = 7; x < 21; x++) {
            seven[6 * 28 + x] = 1f;
            seven[7 * 28 + x] = 1f;
        }
        for (int y = 8; y < 24; y++) {
            int x = 20 - (y - 8) * 9 / 16;
            seven[y * 28 + x] = 1f;
            seven[y * 28 + x - 1] = 1f;
        }
        new Painting(play.forgePad.canvas).paint(seven);
        test(play.forgePad.submit).click();

        assertThat(stateOf(runId).phase()).as("the only student submitted").isEqualTo(Phase.CLOSED);
        EntryResult stored = workshops.entryResult(runId, 0, seatOf(runId, "Mei")).orElseThrow();
        assertThat(stored.forgeryId()).isNotNull();
        assertThat(play.result.getText()).isEqualTo(stored.success()
                ? "Your forgery fooled the class detective: " + Texts.points(stored.points()) + " points."
                : "Your forgery did not get past the class detective and the classifier (" + Texts.points(stored.points())
                        + " points).");

        // The close queued the class detective's training; its losses are stored when it is done.
        forge.detectivesSettled().get();
        signInAs(instructor);
        ProjectorView projector = target(navigate(ProjectorView.class, runId));
        assertThat(projector.reveal.isVisible()).isTrue();
        int fooled = stored.success() ? 1 : 0;
        assertThat(projector.reveal.rate.getText()).isEqualTo(fooled + " of 1 fooled the class detective ("
                + (fooled * 100) + " %); 1 submitted.");
        assertThat(projector.reveal.best.getElement().getTextRecursively()).contains(stored.success() ? "Mei"
                : "No forgery fooled the class detective");
        ForgeReveal forge = workshops.reveal(runId, 0).forge();
        assertThat(forge).isNotNull();
        assertThat($(Paragraph.class).id("workshop-reveal-catch").getText())
                .startsWith("The class detective caught " + forge.caughtAtSubmission() + " of 1 forgeries when they were"
                        + " submitted");
        List<Double> losses = jdbc.queryForList("select unnest(detective_losses) from workshop_run_round where run_id = ?",
                Double.class, runId);
        if (losses.isEmpty()) {
            assertThat($(Paragraph.class).id("workshop-reveal-loss-note").getText())
                    .isEqualTo("The class detective took no training step this round.");
        } else {
            JsonNode drawn = JacksonUtils.getMapper().readTree(
                    $(LineChart.class).id("workshop-reveal-loss").getElement().getPropertyRaw("data").toString());
            assertThat(drawn.get(0).size()).as("one point per training step").isEqualTo(losses.size());
            for (int i = 0; i < losses.size(); i++) {
                assertThat(drawn.get(1).get(i).asDouble()).as("the stored loss of step " + (i + 1)).isEqualTo(losses.get(i));
            }
        }
    }

    @Test
    void anInstructorPlansChosenTeamsAStudentPicksOneAndTheTeamBoardFollowsTheRound() {
        signInAsInstructor();
        PlanEditorView editor = target(navigate(PlanEditorView.class));
        test(editor.name).setValue("Team class");
        assertThat(editor.teamsChosen.isEnabled()).as("no teams yet").isFalse();
        test(editor.teamSize).setValue(3);
        test(editor.teamsChosen).click();
        test(editor.save).click();
        long planId = workshops.plans().getFirst().id();
        assertThat(workshops.plan(planId).teams()).isEqualTo(new Teams(3, true));
        long runId = workshops.open(planId);
        SecurityContextHolder.clearContext();

        PlayView play = openPlay();
        assertThat(play.team.isVisible()).isFalse();
        test(play.code).setValue(stateOf(runId).code());
        assertThat(play.team.isVisible()).as("this workshop lets students choose").isTrue();
        assertThat(play.team.getValue()).isEqualTo(1);
        assertThat(play.team.getItemLabelGenerator().apply(1)).isEqualTo("Team 1 (new)");
        test(play.nickname).setValue("Rui");
        test(play.join).click();
        assertThat(play.who.getText()).isEqualTo("You play as Rui in team 1");

        asInstructor(() -> {
            workshops.startNextRound(runId);
            workshops.endRound(runId);
        });
        play.show(workshops.state(runId));
        assertThat(play.standings.teamText()).contains("1.").contains("Team 1").contains("Rui");

        signInAs(instructor);
        HostView host = target(navigate(HostView.class, runId));
        assertThat(host.standings.teamText()).contains("Team 1").contains("0.0 points on average");
    }

    // ---- helpers ----

    private long openRun(RoundSettings round) {
        signInAsInstructor();
        long planId = workshops.save(new Plan(null, "View test", true, LeaderboardShown.AFTER_EACH_ROUND, false,
                List.of(round)));
        long runId = workshops.open(planId);
        SecurityContextHolder.clearContext();
        return runId;
    }

    private RunState stateOf(long runId) {
        return workshops.state(runId);
    }

    private long seatOf(long runId, String nickname) {
        return stateOf(runId).seats().stream().filter(s -> s.nickname().equals(nickname)).findFirst().orElseThrow().id();
    }

    private PlayView openPlay() {
        PlayView play = navigate(PlayView.class);
        BrowserStorage.answerEmpty();
        return play;
    }

    private PlayView joinAsStudent(String code, String nickname) {
        PlayView play = openPlay();
        test(play.code).setValue(code);
        test(play.nickname).setValue(nickname);
        test(play.join).click();
        assertThat(play.seat.isVisible()).as("seated").isTrue();
        return play;
    }

    /** A signed-in page is a method-security proxy (@RolesAllowed): its fields live on the object behind it. */
    private static <T> T target(T view) {
        return AopTestUtils.getUltimateTargetObject(view);
    }

    private void asInstructor(Runnable action) {
        signInAs(instructor);
        try {
            action.run();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void signInAsInstructor() {
        instructor = "view-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        jdbc.update("insert into account (email, display_name, role, status, created_at, updated_at)"
                + " values (?, 'Ines', 'INSTRUCTOR', 'ACTIVE', now(), now())", instructor);
        signInAs(instructor);
    }

    private static void signInAs(String email) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(email,
                null, List.of(new SimpleGrantedAuthority("ROLE_INSTRUCTOR"))));
    }

    /** What the browser's canvas reports after a stroke: the whole image, rounded to three decimals. */
    private static final class Painting extends ComponentTester<PixelCanvas> {

        private long reports;

        Painting(PixelCanvas canvas) {
            super(canvas);
        }

        void paint(float[] pixels) {
            ArrayNode values = JacksonUtils.createArrayNode();
            for (float pixel : pixels) {
                values.add(Math.round(pixel * 1000) / 1000.0);
            }
            ObjectNode data = JacksonUtils.createObjectNode();
            data.set("event.detail.pixels", values);
            data.put("event.detail.seq", ++reports);
            fireDomEvent("image-change", data);
            BrowserRequest.answer();
        }
    }
}
