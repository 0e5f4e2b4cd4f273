package org.adversarialarena.account.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.adversarialarena.account.AccountPaths;
import org.adversarialarena.account.AccountService;
import org.adversarialarena.base.ui.LanguageSwitch;

/**
 * Sign-in for instructors and admins: the form posts to Spring Security's form login. Students never
 * come here; the page says so and leads back to the games.
 */
@Route(value = AccountPaths.LOGIN, autoLayout = false)
@AnonymousAllowed
class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    final LoginForm form = new LoginForm();

    LoginView(AccountService accounts) {
        setId("login-view");
        // Outside the frame, so the title bar's language menu is not here: the page carries its own.
        add(new LanguageSwitch());
        setAlignItems(Alignment.CENTER);
        form.setAction(AccountPaths.LOGIN);
        form.setForgotPasswordButtonVisible(false);
        form.setI18n(texts());
        add(new H1(getTranslation("app.name")), form, new Paragraph(getTranslation("account.signin.students")));
        Anchor games = new Anchor("", getTranslation("account.signin.to-games"));
        games.setId("login-to-games");
        add(games);
        if (accounts.selfRegistrationOpen()) {
            Anchor register = new Anchor(AccountPaths.REGISTER, getTranslation("account.register.link"));
            register.setId("login-register");
            add(register);
        }
        if (!accounts.anyAccountExists()) {
            add(new Paragraph(getTranslation("account.signin.no-account-yet")));
        }
    }

    private LoginI18n texts() {
        LoginI18n i18n = LoginI18n.createDefault();
        LoginI18n.Form texts = i18n.getForm();
        texts.setTitle(getTranslation("account.signin.title"));
        texts.setUsername(getTranslation("account.email"));
        texts.setPassword(getTranslation("account.password"));
        texts.setSubmit(getTranslation("account.signin.submit"));
        LoginI18n.ErrorMessage error = i18n.getErrorMessage();
        error.setTitle(getTranslation("account.signin.error.title"));
        error.setMessage(getTranslation("account.signin.error.text"));
        error.setUsername(getTranslation("account.email.required"));
        error.setPassword(getTranslation("account.password.required"));
        return i18n;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        form.setError(event.getLocation().getQueryParameters().getParameters().containsKey("error"));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("account.signin.title") + " · " + getTranslation("app.name");
    }
}
