package org.adversarialarena.workshop.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import org.adversarialarena.account.AccountProperties;
import org.adversarialarena.base.ui.QrCodeImage;
import org.adversarialarena.workshop.RunState;
import org.adversarialarena.workshop.SeatState;

/**
 * How to join, large for a projector: the code, a QR code of the join link and "join at …", and the
 * nicknames of those who joined. The link is the configured public address, else the address the
 * projector's own browser shows (never a request's Host header).
 */
class LobbyPanel extends Div {

    final Span code = new Span();
    final Paragraph joinAt = new Paragraph();
    final Div names = new Div();
    private final Div qr = new Div();
    private final AccountProperties accounts;
    private String base = "";
    private String shownCode = "";

    LobbyPanel(AccountProperties accounts) {
        this.accounts = accounts;
        setId("workshop-lobby");
        addClassName("workshop-lobby");
        code.setId("workshop-code");
        code.addClassName("workshop-code");
        joinAt.setId("workshop-join-at");
        joinAt.addClassName("workshop-join-at");
        qr.addClassName("workshop-qr");
        names.setId("workshop-names");
        names.addClassName("workshop-names");
        add(code, joinAt, qr, names);
        base = accounts.publicUrl().isBlank() ? "" : accounts.link("").replaceAll("/$", "");
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        if (accounts.publicUrl().isBlank()) {
            attachEvent.getUI().getPage().fetchCurrentURL(url -> {
                base = url.getProtocol() + "://" + url.getAuthority();
                showCode(shownCode);
            });
        }
    }

    void show(RunState run) {
        if (!run.code().equals(shownCode)) {
            showCode(run.code());
        }
        names.removeAll();
        List<SeatState> seated = run.activeSeats();
        names.add(new Paragraph(getTranslation("workshop.lobby.joined", seated.size())));
        seated.forEach(seat -> {
            Span name = new Span(seat.nickname());
            name.addClassName("workshop-name");
            names.add(name);
        });
    }

    private void showCode(String runCode) {
        shownCode = runCode;
        code.setText(runCode.substring(0, 3) + " " + runCode.substring(3));
        String address = base + "/" + WorkshopPaths.PLAY;
        joinAt.setText(getTranslation("workshop.lobby.join-at", address, runCode));
        qr.removeAll();
        QrCodeImage image = new QrCodeImage(address + "/" + runCode, getTranslation("workshop.lobby.qr"));
        image.setId("workshop-qr");
        image.setWidth("14em");
        image.setHeight("14em");
        qr.add(image);
    }
}
