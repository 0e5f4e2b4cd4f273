package org.adversarialarena.account.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.Optional;
import org.adversarialarena.account.AccountPaths;
import org.adversarialarena.account.AccountRefusedException;
import org.adversarialarena.account.AccountService;
import org.adversarialarena.base.ui.LanguageSwitch;

/** An instructor asks for an account, where an admin opened registration; an admin approves it. */
@Route(value = AccountPaths.REGISTER, autoLayout = false)
@AnonymousAllowed
class RegisterView extends VerticalLayout implements HasDynamicTitle {

    final EmailField email = new EmailField();
    final TextField displayName = new TextField();
    final PasswordFields passwords = new PasswordFields();
    private final AccountService accounts;

    RegisterView(AccountService accounts) {
        this.accounts = accounts;
        setId("register-view");
        add(new LanguageSwitch());
        setMaxWidth("28em");
        add(new H2(getTranslation("account.register.title")));
        if (!accounts.selfRegistrationOpen()) {
            add(new Paragraph(getTranslation("account.register.closed")));
            return;
        }
        email.setLabel(getTranslation("account.email"));
        email.setWidthFull();
        displayName.setLabel(getTranslation("account.display-name"));
        displayName.setWidthFull();
        Button register = new Button(getTranslation("account.register.button"), click -> register());
        register.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new Paragraph(getTranslation("account.register.text")), email, displayName, passwords, register);
    }

    void register() {
        Optional<String> password = passwords.value();
        if (password.isEmpty()) {
            return;
        }
        try {
            accounts.register(email.getValue(), displayName.getValue(), password.get());
            removeAll();
            add(new H2(getTranslation("account.register.title")), new Paragraph(getTranslation("account.register.sent")));
        } catch (AccountRefusedException e) {
            Refusals.show(this, e);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("account.register.title") + " · " + getTranslation("app.name");
    }
}
