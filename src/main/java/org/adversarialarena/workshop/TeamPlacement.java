package org.adversarialarena.workshop;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Where a joining student sits, from the members each team has now (students in the room). Teams are
 * numbered from 1. Nobody is ever moved, so the teams stay as the class formed them.
 */
final class TeamPlacement {

    private TeamPlacement() {
    }

    /**
     * Balanced placement: the team with the fewest members that has room (the lowest number on a tie);
     * a new team only when every team is full. Teams thus differ by at most one member until the last
     * one opens, and a team a student left is the first to be filled again.
     */
    static int balanced(Map<Integer, Integer> members, int size) {
        int best = -1;
        int fewest = Integer.MAX_VALUE;
        int highest = 0;
        for (Map.Entry<Integer, Integer> team : members.entrySet()) {
            highest = Math.max(highest, team.getKey());
            int count = team.getValue();
            if (count < size && (count < fewest || count == fewest && team.getKey() < best)) {
                best = team.getKey();
                fewest = count;
            }
        }
        return best > 0 ? best : highest + 1;
    }

    /** The teams a student may choose: those with room, then a new one. */
    static List<Integer> choices(Map<Integer, Integer> members, int size) {
        List<Integer> choices = new ArrayList<>();
        int highest = 0;
        for (Map.Entry<Integer, Integer> team : members.entrySet()) {
            highest = Math.max(highest, team.getKey());
            if (team.getValue() < size) {
                choices.add(team.getKey());
            }
        }
        choices.sort(Integer::compare);
        choices.add(highest + 1);
        return choices;
    }

    /** The chosen team, if it is one of the choices; refused otherwise (full, or no such team). */
    static int chosen(Map<Integer, Integer> members, int size, @Nullable Integer team) {
        if (team == null || !choices(members, size).contains(team)) {
            throw new WorkshopRefusedException("workshop.refused.team", "Choose a team that has room", size);
        }
        return team;
    }
}
