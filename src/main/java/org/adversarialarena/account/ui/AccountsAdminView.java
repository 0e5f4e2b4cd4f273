package org.adversarialarena.account.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneOffset;
import java.util.function.Consumer;
import org.adversarialarena.account.AccountPaths;
import org.adversarialarena.account.AccountRefusedException;
import org.adversarialarena.account.AccountRole;
import org.adversarialarena.account.AccountService;
import org.adversarialarena.account.AccountStatus;
import org.adversarialarena.account.AccountSummary;
import org.adversarialarena.account.OneTimeLink;
import org.adversarialarena.audit.AuditEvent;
import org.adversarialarena.audit.AuditLog;
import org.adversarialarena.base.ui.LocalFormat;

/**
 * The admin's page: invite instructors (the link is shown here to pass on), see every account,
 * change roles, disable, approve, issue reset links, end an account's sessions on every node, open
 * self-registration, read the audit log.
 */
@Route(AccountPaths.ADMIN)
@RolesAllowed("ADMIN")
class AccountsAdminView extends VerticalLayout implements HasDynamicTitle {

    final EmailField inviteEmail = new EmailField();
    final ComboBox<AccountRole> inviteRole = new ComboBox<>();
    final Pre issuedLink = new Pre();
    final Paragraph linkNote = new Paragraph();
    final Grid<AccountSummary> grid = new Grid<>();
    final Checkbox selfRegistration = new Checkbox();
    final Grid<AuditEvent> auditGrid = new Grid<>();
    private final AccountService accounts;
    private final AuditLog audit;

    AccountsAdminView(AccountService accounts, AuditLog audit) {
        this.accounts = accounts;
        this.audit = audit;
        setId("accounts-admin-view");
        add(new H2(getTranslation("account.admin.title")), inviteForm(), linkNote, issuedLink);
        issuedLink.setId("issued-link");
        issuedLink.setVisible(false);
        linkNote.setVisible(false);
        selfRegistration.setId("self-registration");
        selfRegistration.setLabel(getTranslation("account.admin.self-registration"));
        selfRegistration.setValue(accounts.selfRegistrationOpen());
        selfRegistration.addValueChangeListener(change -> {
            if (change.isFromClient()) {
                accounts.setSelfRegistration(change.getValue());
            }
        });
        configureGrid();
        configureAudit();
        add(selfRegistration, new H3(getTranslation("account.admin.accounts")), grid,
                new H3(getTranslation("account.admin.audit")), auditGrid);
        refresh();
    }

    private HorizontalLayout inviteForm() {
        inviteEmail.setId("invite-email");
        inviteEmail.setLabel(getTranslation("account.email"));
        inviteRole.setId("invite-role");
        inviteRole.setLabel(getTranslation("account.role"));
        inviteRole.setItems(AccountRole.values());
        inviteRole.setItemLabelGenerator(role -> getTranslation("account.role." + role.name()));
        inviteRole.setValue(AccountRole.INSTRUCTOR);
        Button invite = new Button(getTranslation("account.admin.invite"), click -> invite());
        invite.setId("invite-button");
        invite.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(inviteEmail, inviteRole, invite);
        form.setAlignItems(Alignment.BASELINE);
        return form;
    }

    private void configureGrid() {
        grid.setId("accounts-grid");
        grid.addColumn(AccountSummary::email).setHeader(getTranslation("account.email")).setAutoWidth(true);
        grid.addColumn(AccountSummary::displayName).setHeader(getTranslation("account.display-name"));
        grid.addComponentColumn(this::roleSelect).setHeader(getTranslation("account.role"));
        grid.addColumn(a -> getTranslation("account.status." + a.status().name()))
                .setHeader(getTranslation("account.status"));
        grid.addColumn(a -> getTranslation(a.totpEnabled() ? "common.yes" : "common.no"))
                .setHeader(getTranslation("account.totp.title"));
        grid.addComponentColumn(this::actions).setAutoWidth(true);
        grid.setAllRowsVisible(true);
    }

    private void configureAudit() {
        auditGrid.setId("audit-grid");
        auditGrid.addColumn(e -> LocalFormat.dateTime(e.at(), ZoneOffset.UTC)).setHeader(getTranslation("account.admin.audit.at"));
        auditGrid.addColumn(e -> getTranslation("audit.type." + e.type().name())).setHeader(getTranslation("account.admin.audit.type"));
        auditGrid.addColumn(e -> AuditLog.SYSTEM.equals(e.actor()) ? getTranslation("audit.actor.system") : e.actor())
                .setHeader(getTranslation("account.admin.audit.actor"));
        auditGrid.addColumn(AuditEvent::subject).setHeader(getTranslation("account.admin.audit.subject"));
        // The details are the log's own record, stored in English: marked as English, a screen reader reads
        // them with an English voice (WCAG 3.1.2).
        auditGrid.addComponentColumn(e -> {
            Span detail = new Span(e.detail() == null ? "" : e.detail());
            detail.getElement().setAttribute("lang", "en");
            return detail;
        }).setHeader(getTranslation("account.admin.audit.detail"));
        auditGrid.addColumn(AuditEvent::address).setHeader(getTranslation("account.admin.audit.address"));
    }

    private Select<AccountRole> roleSelect(AccountSummary account) {
        Select<AccountRole> role = new Select<>();
        role.setItems(AccountRole.values());
        role.setItemLabelGenerator(r -> getTranslation("account.role." + r.name()));
        role.setValue(account.role());
        role.addValueChangeListener(change -> {
            if (change.isFromClient()) {
                act(id -> accounts.changeRole(id, change.getValue()), account.id());
            }
        });
        return role;
    }

    private HorizontalLayout actions(AccountSummary account) {
        HorizontalLayout actions = new HorizontalLayout();
        if (account.status() == AccountStatus.ACTIVE) {
            actions.add(small("account.admin.disable", () -> act(accounts::disable, account.id())));
            actions.add(small("account.admin.end-sessions", () -> act(accounts::endSessions, account.id())));
        } else if (account.status() != AccountStatus.INVITED) {
            String key = account.status() == AccountStatus.PENDING_APPROVAL ? "account.admin.approve"
                    : "account.admin.enable";
            actions.add(small(key, () -> act(accounts::enable, account.id())));
        }
        if (account.totpEnabled()) {
            actions.add(small("account.admin.remove-totp", () -> act(accounts::removeSecondFactorOf, account.id())));
        }
        actions.add(small("account.admin.reset", () -> {
            try {
                show(accounts.issueReset(account.id()));
            } catch (AccountRefusedException e) {
                Refusals.show(this, e);
            }
        }));
        return actions;
    }

    private Button small(String key, Runnable action) {
        Button button = new Button(getTranslation(key), click -> action.run());
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return button;
    }

    void invite() {
        try {
            show(accounts.invite(inviteEmail.getValue(), inviteRole.getValue()));
            inviteEmail.clear();
            refresh();
        } catch (AccountRefusedException e) {
            Refusals.show(this, e);
        }
    }

    private void act(Consumer<Long> action, long accountId) {
        try {
            action.accept(accountId);
        } catch (AccountRefusedException e) {
            Refusals.show(this, e);
        }
        refresh();
    }

    private void show(OneTimeLink link) {
        String url = link.url();
        if (url.startsWith("/")) {
            // no public address configured: the admin's own browser knows where the app is
            getUI().ifPresent(ui -> ui.getPage().fetchCurrentURL(current -> issuedLink.setText(
                    current.getProtocol() + "://" + current.getAuthority() + url)));
        }
        issuedLink.setText(url);
        issuedLink.setVisible(true);
        linkNote.setText(getTranslation("account.admin.link-note", LocalFormat.dateTime(link.expires(), ZoneOffset.UTC)));
        linkNote.setVisible(true);
    }

    void refresh() {
        grid.setItems(accounts.list());
        auditGrid.setItems(audit.latest(50));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("account.admin.title") + " · " + getTranslation("app.name");
    }
}
