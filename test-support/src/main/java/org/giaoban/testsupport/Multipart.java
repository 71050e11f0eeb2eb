package org.giaoban.testsupport;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A {@code multipart/form-data} body (RFC 7578) written byte by byte, so that a test can send exactly what it means:
 * a file part with any declared type, text parts with any bytes (invalid UTF-8 too).
 */
public final class Multipart {

    private final String boundary = "giaoban-" + UUID.randomUUID();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    /** A file part: {@code contentType} null leaves the part's Content-Type out. */
    public Multipart file(String name, String filename, String contentType, byte[] bytes) {
        line("--" + boundary);
        line("Content-Disposition: form-data; name=\"" + name + "\"; filename=\"" + filename + "\"");
        if (contentType != null) {
            line("Content-Type: " + contentType);
        }
        line("");
        body.writeBytes(bytes);
        line("");
        return this;
    }

    /** A text field of UTF-8 text. */
    public Multipart text(String name, String text) {
        return text(name, text.getBytes(StandardCharsets.UTF_8));
    }

    /** A text field of these bytes, whatever they are. */
    public Multipart text(String name, byte[] bytes) {
        line("--" + boundary);
        line("Content-Disposition: form-data; name=\"" + name + "\"");
        line("");
        body.writeBytes(bytes);
        line("");
        return this;
    }

    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    /** The whole body, closing delimiter included. */
    public byte[] bytes() {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(body.toByteArray());
        all.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return all.toByteArray();
    }

    /** A POST of this body to {@code uri}. */
    public HttpRequest.Builder post(URI uri) {
        return HttpRequest.newBuilder(uri).header("Content-Type", contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes()));
    }

    private void line(String text) {
        body.writeBytes((text + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
}
