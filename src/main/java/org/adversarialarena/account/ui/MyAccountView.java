package org.adversarialarena.account.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.NativeLabel;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import jakarta.annotation.security.RolesAllowed;
import org.adversarialarena.account.AccountPaths;
import org.adversarialarena.account.AccountRefusedException;
import org.adversarialarena.account.AccountService;
import org.adversarialarena.account.AccountSummary;
import org.adversarialarena.account.SignInRoles;
import org.adversarialarena.account.TotpEnrolment;
import org.adversarialarena.base.security.NodeSessions;
import org.adversarialarena.base.ui.QrCodeImage;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The signed-in instructor's or admin's own page: who they are, their second factor, and ending
 * their sessions elsewhere. An admin
 * who must have a second factor lands here first and gets their rights once it is set up.
 */
@Route(AccountPaths.MY_ACCOUNT)
@RolesAllowed({"ADMIN", "INSTRUCTOR", SignInRoles.TOTP_SETUP})
class MyAccountView extends VerticalLayout implements HasDynamicTitle {

    final VerticalLayout totp = new VerticalLayout();
    final TextField code = new TextField();
    private final AccountService accounts;

    MyAccountView(AccountService accounts) {
        this.accounts = accounts;
        setId("my-account-view");
        AccountSummary me = accounts.me();
        add(new H2(getTranslation("account.mine.title")),
                new Paragraph(getTranslation("account.mine.who", me.displayName(), me.email(),
                        getTranslation("account.role." + me.role().name()))));
        totp.setPadding(false);
        totp.setId("totp-section");
        add(totp);
        code.setId("totp-setup-code");
        code.setLabel(getTranslation("account.totp.code"));
        code.setAllowedCharPattern("[0-9 ]");
        showTotp(me.totpEnabled());
        Button endOthers = new Button(getTranslation("account.mine.end-other-sessions"), click -> endOtherSessions());
        endOthers.setId("end-other-sessions");
        add(new H3(getTranslation("account.mine.sessions")), new Paragraph(getTranslation("account.mine.sessions.text")),
                endOthers);
    }

    void endOtherSessions() {
        WrappedSession mine = VaadinSession.getCurrent().getSession();
        accounts.endMyOtherSessions(request -> mine.setAttribute(NodeSessions.SPARED_BY, request));
        Notification.show(getTranslation("account.mine.sessions.ended"));
    }

    private void showTotp(boolean enabled) {
        totp.removeAll();
        totp.add(new H3(getTranslation("account.totp.title")));
        if (mustSetUp()) {
            totp.add(new Paragraph(getTranslation("account.totp.required")));
        }
        if (enabled) {
            Button remove = new Button(getTranslation("account.totp.remove"), click -> remove());
            remove.setId("totp-remove");
            totp.add(new Paragraph(getTranslation("account.totp.on")), remove);
        } else {
            Button start = new Button(getTranslation("account.totp.start"), click -> start());
            start.setId("totp-start");
            start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            totp.add(new Paragraph(getTranslation("account.totp.off")), start);
        }
    }

    void start() {
        TotpEnrolment enrolment = accounts.startTotp();
        totp.removeAll();
        Pre uri = new Pre(enrolment.uri());
        uri.setId("totp-uri");
        Pre secret = new Pre(enrolment.secret());
        secret.setId("totp-secret");
        Button confirm = new Button(getTranslation("account.totp.confirm"), click -> confirm());
        confirm.setId("totp-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        QrCodeImage qr = new QrCodeImage(enrolment.uri(), getTranslation("account.totp.qr"));
        qr.setId("totp-qr");
        totp.add(new H3(getTranslation("account.totp.title")), new Paragraph(getTranslation("account.totp.scan")),
                qr, new NativeLabel(getTranslation("account.totp.secret")), secret,
                new NativeLabel(getTranslation("account.totp.uri")), uri, code, confirm);
    }

    void confirm() {
        try {
            if (mustSetUp()) {
                Authentication pending = SecurityContextHolder.getContext().getAuthentication();
                SessionSignIn.complete(accounts.confirmTotpAndSignIn(pending, code.getValue()), AccountPaths.MY_ACCOUNT);
                return;
            }
            accounts.confirmTotp(code.getValue());
            showTotp(true);
        } catch (AccountRefusedException e) {
            code.setInvalid(true);
            code.setErrorMessage(Refusals.text(this, e));
        }
    }

    void remove() {
        try {
            accounts.removeTotp();
            showTotp(false);
        } catch (AccountRefusedException e) {
            Refusals.show(this, e);
        }
    }

    private static boolean mustSetUp() {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        return current != null && current.getAuthorities().stream()
                .anyMatch(a -> ("ROLE_" + SignInRoles.TOTP_SETUP).equals(a.getAuthority()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("account.mine.title") + " · " + getTranslation("app.name");
    }
}
