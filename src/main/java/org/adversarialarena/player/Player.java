package org.adversarialarena.player;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Someone playing, known by the nickname they joined with. */
@Entity
@Table(name = "player")
public class Player {

    public static final int MAX_NICKNAME_LENGTH = 40;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(nullable = false, length = MAX_NICKNAME_LENGTH)
    private String nickname;

    @Column(name = "created_at", nullable = false)
    private Instant created;

    @Column(name = "token_hash", length = 64)
    private @Nullable String tokenHash;

    protected Player() {
        this.nickname = "";
        this.created = Instant.EPOCH;
    }

    public Player(String nickname, Instant created) {
        this.nickname = Nickname.validate(nickname);
        this.created = created;
    }

    void setTokenHash(String hash) {
        this.tokenHash = hash;
    }

    public @Nullable Long getId() {
        return id;
    }

    public String getNickname() {
        return nickname;
    }

    public Instant getCreated() {
        return created;
    }
}
