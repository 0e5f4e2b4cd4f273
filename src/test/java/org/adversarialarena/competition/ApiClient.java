package org.adversarialarena.competition;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The competitions' REST API as a participant's script calls it: over HTTP, with a personal access token. */
final class ApiClient {

    static final String NPY = "application/octet-stream";
    static final String ZIP = "application/zip";

    /** One client for every test: each HttpClient holds threads of its own until it is collected. */
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final int port;

    ApiClient(int port) {
        this.port = port;
    }

    URI uri(long competitionId, String path) {
        return URI.create("http://localhost:" + port + "/api/competitions/" + competitionId + path);
    }

    HttpResponse<byte[]> get(long competitionId, String token, String path) throws IOException, InterruptedException {
        return send(authorized(competitionId, token, path).GET());
    }

    /** Submits {@code file} (an attack set as {@link #NPY} or {@link #ZIP}). */
    HttpResponse<byte[]> submit(long competitionId, String token, byte[] file, String contentType)
            throws IOException, InterruptedException {
        return send(authorized(competitionId, token, "/submissions").header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(file)));
    }

    /** A bodiless {@code method} (PUT, DELETE) on {@code path}. */
    HttpResponse<byte[]> call(String method, long competitionId, String token, String path)
            throws IOException, InterruptedException {
        return send(authorized(competitionId, token, path).method(method, HttpRequest.BodyPublishers.noBody()));
    }

    HttpResponse<byte[]> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpRequest.Builder authorized(long competitionId, String token, String path) {
        return HttpRequest.newBuilder(uri(competitionId, path)).header("Authorization", "Bearer " + token);
    }
}
