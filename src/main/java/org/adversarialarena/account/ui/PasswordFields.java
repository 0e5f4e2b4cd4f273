package org.adversarialarena.account.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import java.util.Optional;

/**
 * A new password typed twice. The rules (length, common passwords) are the service's: this only
 * catches a typo, and says what the rules are.
 */
class PasswordFields extends Composite<VerticalLayout> {

    final PasswordField password = new PasswordField();
    final PasswordField repeat = new PasswordField();

    PasswordFields() {
        password.setId("new-password");
        password.setLabel(getTranslation("account.password.new"));
        password.setHelperText(getTranslation("account.password.rules"));
        password.setWidthFull();
        repeat.setId("new-password-repeat");
        repeat.setLabel(getTranslation("account.password.repeat"));
        repeat.setWidthFull();
        getContent().setPadding(false);
        getContent().add(password, repeat);
    }

    /** The password, if both fields agree; otherwise marks the repeat field. */
    Optional<String> value() {
        if (!password.getValue().equals(repeat.getValue())) {
            repeat.setInvalid(true);
            repeat.setErrorMessage(getTranslation("account.password.mismatch"));
            return Optional.empty();
        }
        repeat.setInvalid(false);
        return Optional.of(password.getValue());
    }
}
