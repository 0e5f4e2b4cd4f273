package org.adversarialarena.image;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import org.adversarialarena.player.Player;
import org.adversarialarena.round.GameRound;
import org.jspecify.annotations.Nullable;

/** An image a game keeps, as PNG bytes. */
@Entity
@Table(name = "stored_image")
public class StoredImage {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private ImageKind kind;

    @Column(nullable = false)
    private int width;

    @Column(nullable = false)
    private int height;

    @Column(nullable = false)
    private byte[] png;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "player_id")
    private @Nullable Player player;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "round_id")
    private @Nullable GameRound round;

    @Column(name = "created_at", nullable = false)
    private Instant created;

    @SuppressWarnings("NullAway.Init")
    protected StoredImage() {
    }

    StoredImage(ImageKind kind, int width, int height, byte[] png, @Nullable Player player,
            @Nullable GameRound round, Instant created) {
        this.kind = kind;
        this.width = width;
        this.height = height;
        this.png = png.clone();
        this.player = player;
        this.round = round;
        this.created = created;
    }

    public @Nullable Long getId() {
        return id;
    }

    public ImageKind getKind() {
        return kind;
    }

    public int getWidth() {
        return width;
    }

    public int getHeight() {
        return height;
    }

    public byte[] getPng() {
        return png.clone();
    }

    public @Nullable Player getPlayer() {
        return player;
    }

    public @Nullable GameRound getRound() {
        return round;
    }

    public Instant getCreated() {
        return created;
    }
}
