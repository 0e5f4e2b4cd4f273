package org.adversarialarena.player.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.spring.annotation.SpringComponent;
import java.util.List;
import java.util.Optional;
import org.adversarialarena.base.ui.LayoutExtension;
import org.adversarialarena.player.Player;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;

/**
 * "You are <nickname> · Not you? Change nickname" in the title bar of every page, so that on a shared
 * lab PC the next student sees whose name they would play under, and can leave it with one click.
 */
@ConditionalOnWebApplication
@SpringComponent
class PlayerCorner implements LayoutExtension {

    private final ObjectProvider<PlayerGate> gates;

    PlayerCorner(ObjectProvider<PlayerGate> gates) {
        this.gates = gates;
    }

    @Override
    public List<SideNavItem> navigationItems() {
        return List.of();
    }

    @Override
    public List<Component> navbarItems() {
        return List.of(new Corner(gates.getObject()));
    }

    /** One tab's corner: follows the session's player while attached. */
    static final class Corner extends HorizontalLayout {

        final Span you = new Span();
        final Button change = new Button();
        private final PlayerGate gate;
        private Registration watching = () -> { };

        Corner(PlayerGate gate) {
            this.gate = gate;
            setId("player-corner");
            addClassName("arena-player-corner");
            setAlignItems(Alignment.CENTER);
            setSpacing(false);
            you.setId("player-you");
            change.setId("player-change");
            change.setText(getTranslation("player.corner.change"));
            change.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            change.addClickListener(click -> gate.leave());
            add(you, change);
            show(Optional.empty());
            addAttachListener(attach -> {
                UI ui = attach.getUI();
                watching = gate.watch(player -> ui.access(() -> show(player)));
                gate.recognised(player -> show(Optional.of(player)));
            });
            addDetachListener(detach -> watching.remove());
        }

        private void show(Optional<Player> player) {
            setVisible(player.isPresent());
            player.ifPresent(p -> you.setText(getTranslation("player.corner.you", p.getNickname(), p.tag())));
        }
    }
}
