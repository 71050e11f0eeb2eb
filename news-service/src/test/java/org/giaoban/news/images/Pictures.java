package org.giaoban.news.images;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.ThreadLocalRandom;

import javax.imageio.ImageIO;

import org.giaoban.testsupport.Http;
import org.giaoban.testsupport.Multipart;

/** Small pictures made here with javax.imageio, and an editor's uploads of them over HTTP. */
public final class Pictures {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private Pictures() {
    }

    /** A picture of {@code width} × {@code height} pixels in {@code format} ("jpg", "png", "gif", "bmp"), each one different. */
    public static byte[] picture(String format, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(ThreadLocalRandom.current().nextInt(0xffffff)));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.drawLine(0, 0, width - 1, height - 1);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalArgumentException("No writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Uploads {@code bytes} as the part {@code file} declared {@code contentType}, with a caption if given. */
    public static Http.Response upload(Http as, byte[] bytes, String contentType, String caption) {
        Multipart form = new Multipart().file("file", "anh.bin", contentType, bytes);
        if (caption != null) {
            form.text("caption", caption);
        }
        return as.send(form.post(as.uri("/api/news/images")));
    }

    /** Uploads a small JPEG and answers its public path, {@code /news/images/{id}}. */
    public static String uploadedJpeg(Http editor, String caption) {
        Http.Response uploaded = upload(editor, picture("jpg", 64, 48), "image/jpeg", caption);
        if (uploaded.status() != 201) {
            throw new IllegalStateException(uploaded.body());
        }
        return uploaded.json().path("url").asText();
    }

    /** A GET whose body is kept as bytes (a picture is no text). */
    public static HttpResponse<byte[]> getBytes(Http http, String path, String ifNoneMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(http.uri(path)).GET();
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
