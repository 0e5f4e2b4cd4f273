package org.adversarialarena;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import java.security.Principal;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * Who may open which page, for every route the application declares, checked with the same
 * annotation checker Vaadin's navigation access control uses. A new route without a row here fails
 * the build, so nobody adds a page without deciding who may see it. Workshop students are visitors:
 * they hold a seat token, not a role, and the service checks every seat action (WorkshopServiceIT).
 */
class AuthorizationMatrixTest {

    enum Persona {
        ANONYMOUS(null),
        CODE_PENDING("TOTP_PENDING"),
        TOTP_SETUP("TOTP_SETUP"),
        INSTRUCTOR("INSTRUCTOR"),
        ADMIN("ADMIN");

        final String role;

        Persona(String role) {
            this.role = role;
        }
    }

    private static final Set<Persona> EVERYONE = EnumSet.allOf(Persona.class);

    /** The matrix of docs/security.md. */
    private static final Map<String, Set<Persona>> EXPECTED = Map.ofEntries(
            Map.entry("", EVERYONE),
            Map.entry("fool", EVERYONE),
            Map.entry("forge", EVERYONE),
            Map.entry("lab", EVERYONE),
            Map.entry("judge", EVERYONE),
            Map.entry("leaderboards", EVERYONE),
            Map.entry("login", EVERYONE),
            Map.entry("account/link", EVERYONE),
            Map.entry("register", EVERYONE),
            Map.entry("login/code", EnumSet.of(Persona.CODE_PENDING)),
            Map.entry("account", EnumSet.of(Persona.TOTP_SETUP, Persona.INSTRUCTOR, Persona.ADMIN)),
            Map.entry("admin/accounts", EnumSet.of(Persona.ADMIN)),
            Map.entry("admin/training-queue", EnumSet.of(Persona.ADMIN)),
            Map.entry("play", EVERYONE),
            Map.entry("workshops", EnumSet.of(Persona.INSTRUCTOR, Persona.ADMIN)),
            Map.entry("workshops/plan", EnumSet.of(Persona.INSTRUCTOR, Persona.ADMIN)),
            Map.entry("workshops/host", EnumSet.of(Persona.INSTRUCTOR, Persona.ADMIN)),
            Map.entry("workshops/projector", EnumSet.of(Persona.INSTRUCTOR, Persona.ADMIN)),
            Map.entry("competitions", EVERYONE),
            Map.entry("competitions/view", EVERYONE),
            Map.entry("competitions/draft", EVERYONE),
            Map.entry("competitions/new", EnumSet.of(Persona.INSTRUCTOR, Persona.ADMIN)));

    private final AccessAnnotationChecker checker = new AccessAnnotationChecker();

    @Test
    void everyRouteAllowsExactlyThePersonasOfTheMatrix() throws ClassNotFoundException {
        Map<String, Set<Persona>> actual = new TreeMap<>();
        for (Class<?> view : annotated(Route.class)) {
            actual.put(view.getAnnotation(Route.class).value(), allowed(view));
        }
        assertThat(actual).as("routes of the application").containsOnlyKeys(EXPECTED.keySet());
        for (Map.Entry<String, Set<Persona>> route : actual.entrySet()) {
            assertThat(route.getValue()).as("who may open /%s", route.getKey())
                    .containsExactlyInAnyOrderElementsOf(EXPECTED.get(route.getKey()));
        }
    }

    @Test
    void everyLayoutAdmitsEveryoneItFrames() throws ClassNotFoundException {
        Set<Class<?>> layouts = annotated(Layout.class);
        assertThat(layouts).isNotEmpty();
        for (Class<?> layout : layouts) {
            assertThat(allowed(layout)).as(layout.getSimpleName()).containsExactlyInAnyOrderElementsOf(EVERYONE);
        }
    }

    private Set<Persona> allowed(Class<?> view) {
        Set<Persona> allowed = EnumSet.noneOf(Persona.class);
        for (Persona persona : Persona.values()) {
            Principal principal = persona.role == null ? null : () -> persona.name().toLowerCase();
            if (checker.hasAccess(view, principal, role -> role.equals(persona.role))) {
                allowed.add(persona);
            }
        }
        return allowed;
    }

    private static Set<Class<?>> annotated(Class<? extends java.lang.annotation.Annotation> annotation)
            throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(annotation));
        Set<Class<?>> classes = new TreeSet<>(java.util.Comparator.comparing(Class::getName));
        for (BeanDefinition candidate : scanner.findCandidateComponents("org.adversarialarena")) {
            classes.add(Class.forName(candidate.getBeanClassName()));
        }
        return classes;
    }
}
