package org.adversarialarena.account.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;
import java.util.Optional;
import org.adversarialarena.account.AccountPaths;
import org.adversarialarena.account.AccountRefusedException;
import org.adversarialarena.account.AccountService;
import org.adversarialarena.account.LinkDetails;
import org.adversarialarena.account.LinkPurpose;
import org.adversarialarena.base.ui.LanguageSwitch;

/**
 * Where a one-time link leads: the first admin's set-up, an accepted invitation, or a new password.
 * The token stays in this view only; a bad or used link shows the same message whatever is wrong.
 */
@Route(value = AccountPaths.LINK, autoLayout = false)
@AnonymousAllowed
class LinkView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    final EmailField email = new EmailField();
    final TextField displayName = new TextField();
    final PasswordFields passwords = new PasswordFields();
    final Button save = new Button();
    private final AccountService accounts;
    private String token = "";
    private LinkPurpose purpose = LinkPurpose.RESET;

    LinkView(AccountService accounts) {
        this.accounts = accounts;
        setId("link-view");
        add(new LanguageSwitch());
        setMaxWidth("28em");
        email.setId("link-email");
        email.setLabel(getTranslation("account.email"));
        email.setWidthFull();
        displayName.setId("link-name");
        displayName.setLabel(getTranslation("account.display-name"));
        displayName.setWidthFull();
        save.setId("link-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> save());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<String> tokens = event.getLocation().getQueryParameters().getParameters().getOrDefault("token", List.of());
        token = tokens.isEmpty() ? "" : tokens.getFirst();
        Optional<LinkDetails> link = accounts.inspect(token);
        removeAll();
        if (link.isEmpty()) {
            add(new H2(getTranslation("account.link.title")), new Paragraph(getTranslation("account.link.invalid")));
            return;
        }
        purpose = link.get().purpose();
        String key = "account.link." + purpose.name().toLowerCase(java.util.Locale.ROOT);
        add(new H2(getTranslation(key + ".title")), new Paragraph(getTranslation(key + ".text",
                link.get().email() == null ? "" : link.get().email())));
        if (purpose == LinkPurpose.SETUP) {
            add(email);
        }
        if (purpose != LinkPurpose.RESET) {
            add(displayName);
        }
        save.setText(getTranslation(key + ".button"));
        add(passwords, save);
    }

    void save() {
        Optional<String> password = passwords.value();
        if (password.isEmpty()) {
            return;
        }
        try {
            switch (purpose) {
                case SETUP -> accounts.completeSetup(token, email.getValue(), displayName.getValue(), password.get());
                case INVITE -> accounts.acceptInvite(token, displayName.getValue(), password.get());
                case RESET -> accounts.resetPassword(token, password.get());
            }
            Notification.show(getTranslation("account.link.done"));
            getUI().ifPresent(ui -> ui.navigate(AccountPaths.LOGIN));
        } catch (AccountRefusedException e) {
            Refusals.show(this, e);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("account.link.title") + " · " + getTranslation("app.name");
    }
}
