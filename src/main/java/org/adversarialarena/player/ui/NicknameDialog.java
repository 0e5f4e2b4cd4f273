package org.adversarialarena.player.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.adversarialarena.player.NicknameRefusedException;
import org.adversarialarena.player.NicknameSuggestions;
import org.adversarialarena.player.Player;
import org.adversarialarena.player.TooManyPlayersException;

/** Asks a new player for the nickname the leaderboards will show. */
class NicknameDialog extends Dialog {

    private final TextField nickname = new TextField();
    private final Function<String, Player> join;

    NicknameDialog(Function<String, Player> join) {
        this.join = join;
        setId("nickname-dialog");
        setHeaderTitle(getTranslation("player.join.title"));
        setCloseOnOutsideClick(false);
        setCloseOnEsc(false);
        // Not modal: the menu stays usable, so a visitor can leave a game without choosing a nickname
        // (the gate closes the dialog when they navigate away).
        setModal(false);
        nickname.setId("nickname-field");
        nickname.setLabel(getTranslation("player.join.nickname"));
        nickname.setMaxLength(Player.MAX_NICKNAME_LENGTH);
        nickname.setRequired(true);
        nickname.setAutofocus(true);
        nickname.setWidthFull();
        // A friendly name is ready: a student may play at once, keep it, or type their own.
        nickname.setValue(NicknameSuggestions.suggest(RandomGenerator.getDefault()));
        nickname.setAutoselect(true);
        Button another = new Button(getTranslation("player.join.another"),
                click -> nickname.setValue(NicknameSuggestions.suggest(RandomGenerator.getDefault())));
        another.setId("nickname-another");
        another.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Button play = new Button(getTranslation("player.join.button"), click -> tryJoin());
        play.setId("nickname-join");
        play.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        play.addClickShortcut(Key.ENTER);
        add(new Paragraph(getTranslation("player.join.text")), nickname);
        getFooter().add(another, play);
    }

    private void tryJoin() {
        try {
            join.apply(nickname.getValue());
            close();
        } catch (NicknameRefusedException e) {
            nickname.setInvalid(true);
            nickname.setErrorMessage(getTranslation(e.messageKey(), Player.MAX_NICKNAME_LENGTH));
        } catch (TooManyPlayersException e) {
            nickname.setInvalid(true);
            nickname.setErrorMessage(getTranslation("player.join.too-many", e.retryAfterSeconds()));
        }
    }
}
