package org.adversarialarena.workshop;

import java.util.List;

/** A team's place on the team board: its number, its members in the room, and their mean points. */
public record TeamPlacing(int rank, int team, List<String> members, double points) {

    public TeamPlacing {
        members = List.copyOf(members);
    }
}
