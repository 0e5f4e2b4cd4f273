package org.adversarialarena.account.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import org.adversarialarena.account.AccountPaths;
import org.adversarialarena.account.AccountRefusedException;
import org.adversarialarena.account.AccountService;
import org.adversarialarena.account.SignInRoles;
import org.adversarialarena.base.ui.LanguageSwitch;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The second sign-in step: the six-digit code of the authenticator app. */
@Route(value = AccountPaths.CODE, autoLayout = false)
@RolesAllowed(SignInRoles.CODE_PENDING)
class SecondFactorView extends VerticalLayout implements HasDynamicTitle {

    final TextField code = new TextField();
    final Button verify;
    private final AccountService accounts;
    private final AuthenticationContext authentication;

    SecondFactorView(AccountService accounts, AuthenticationContext authentication) {
        this.accounts = accounts;
        this.authentication = authentication;
        setId("second-factor-view");
        add(new LanguageSwitch());
        setAlignItems(Alignment.CENTER);
        code.setId("totp-code");
        code.setLabel(getTranslation("account.totp.code"));
        code.setAllowedCharPattern("[0-9 ]");
        code.setMaxLength(7);
        code.setAutofocus(true);
        verify = new Button(getTranslation("account.totp.verify"), click -> verify());
        verify.setId("totp-verify");
        verify.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        verify.addClickShortcut(Key.ENTER);
        Button cancel = new Button(getTranslation("account.signout"), click -> authentication.logout());
        cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        add(new H2(getTranslation("account.totp.title")), new Paragraph(getTranslation("account.totp.enter")),
                code, verify, cancel);
    }

    void verify() {
        Authentication pending = SecurityContextHolder.getContext().getAuthentication();
        try {
            accounts.passSecondFactor(pending, code.getValue()).ifPresentOrElse(
                    signedIn -> SessionSignIn.complete(signedIn, AccountPaths.MY_ACCOUNT), this::wrongCode);
        } catch (AccountRefusedException e) {
            // too many wrong codes: back to the password, which is limited as well
            Refusals.show(this, e);
            authentication.logout();
        }
    }

    private void wrongCode() {
        code.setInvalid(true);
        code.setErrorMessage(getTranslation("account.totp.wrong-code"));
        code.clear();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("account.totp.title") + " · " + getTranslation("app.name");
    }
}
