package org.adversarialarena.player;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.text.Normalizer;
import java.time.Instant;
import java.util.Locale;
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

    /**
     * A short tag that tells two players of the same nickname apart, e.g. {@code #2s}: derived from the
     * id, so it never changes and never repeats.
     */
    public String tag() {
        return tagOf(id == null ? 0 : id);
    }

    /** The tag of the player with this id. */
    public static String tagOf(long playerId) {
        return "#" + Long.toString(playerId, 36);
    }

    /**
     * What makes two nicknames the same to a reader: compatibility-normalised (full-width "ａｌｉｃｅ"
     * is "alice") and case-folded ("ALICE", "Alice"; upper then lower case folds "ß" with "ss").
     */
    public static String sameNameKey(String nickname) {
        String compatible = Normalizer.normalize(nickname.strip(), Normalizer.Form.NFKC);
        String folded = compatible.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        return Normalizer.normalize(folded, Normalizer.Form.NFKC);
    }

    public Instant getCreated() {
        return created;
    }
}
