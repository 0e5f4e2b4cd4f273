package org.adversarialarena.base.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.theme.lumo.Lumo;

/**
 * The page every view lives in. Push is on because live updates (leaderboards, detectives) and
 * background work reach browsers from other threads; Vaadin 25 applies no theme unless told to.
 */
@Push
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles.css")
public class ArenaShell implements AppShellConfigurator {
}
