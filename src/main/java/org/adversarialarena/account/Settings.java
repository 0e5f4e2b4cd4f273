package org.adversarialarena.account;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Switches an admin flips at run time, in the database so every node reads the same. */
@Component
class Settings {

    static final String SELF_REGISTRATION = "accounts.self-registration";

    private final JdbcTemplate jdbc;

    Settings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean isOn(String name) {
        List<String> value = jdbc.queryForList("select value from app_setting where name = ?", String.class, name);
        return !value.isEmpty() && Boolean.parseBoolean(value.getFirst());
    }

    void set(String name, boolean on) {
        jdbc.update("insert into app_setting (name, value) values (?, ?) "
                + "on conflict (name) do update set value = excluded.value", name, Boolean.toString(on));
    }
}
