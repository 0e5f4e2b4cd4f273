package org.adversarialarena.ml.defense;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.ml.image.ImagePng;

/**
 * Real players' successful Fool edits, exported from the database (one line per attempt:
 * {@code player,dataset,original PNG as hex,edited PNG as hex}; docs/robustness.md has the {@code psql}
 * command). Split by player, not by image, so detection is measured on people the detector has not seen.
 */
public record PlayedEdits(List<Edit> training, List<Edit> heldOut) {

    /** One attempt: the challenge image and the player's edit of it. */
    public record Edit(long player, float[] original, float[] edited) {
    }

    public static PlayedEdits none() {
        return new PlayedEdits(List.of(), List.of());
    }

    /** The attempts of {@code dataset} in the export; players with an odd id are held out. */
    public static PlayedEdits read(Path export, DatasetId dataset) {
        List<Edit> training = new ArrayList<>();
        List<Edit> heldOut = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(export, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the exported attempts " + export, e);
        }
        HexFormat hex = HexFormat.of();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] fields = line.split(",");
            if (fields.length != 4) {
                throw new IllegalArgumentException(export + " line " + (n + 1) + ": expected player,dataset,original,edited");
            }
            if (!fields[1].equals(dataset.slug())) {
                continue;
            }
            long player = Long.parseLong(fields[0]);
            Edit edit = new Edit(player, ImagePng.fromPng(hex.parseHex(strip(fields[2]))),
                    ImagePng.fromPng(hex.parseHex(strip(fields[3]))));
            (player % 2 == 1 ? heldOut : training).add(edit);
        }
        return new PlayedEdits(List.copyOf(training), List.copyOf(heldOut));
    }

    /** psql writes bytea as {@code \x…}; the hex after it is the PNG. */
    private static String strip(String field) {
        return field.startsWith("\\x") ? field.substring(2) : field;
    }

    static float[][] originals(List<Edit> edits) {
        return edits.stream().map(Edit::original).toArray(float[][]::new);
    }

    static float[][] edited(List<Edit> edits) {
        return edits.stream().map(Edit::edited).toArray(float[][]::new);
    }
}
