package org.giaoban.news.images;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * The pictures an editor may upload — JPEG, PNG and WebP — known by their first bytes (the "magic numbers"), never by
 * the name or the declared type alone; and the other picture formats recognised only to be refused by name.
 */
enum ImageType {

    JPEG("image/jpeg"), PNG("image/png"), WEBP("image/webp");

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private final String contentType;

    ImageType(String contentType) {
        this.contentType = contentType;
    }

    String contentType() {
        return contentType;
    }

    /** The accepted type of these bytes, if they are one. */
    static Optional<ImageType> of(byte[] bytes) {
        if (startsWith(bytes, 0, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff})) {
            return Optional.of(JPEG);
        }
        if (startsWith(bytes, 0, PNG_SIGNATURE)) {
            return Optional.of(PNG);
        }
        if (startsWith(bytes, 0, ascii("RIFF")) && startsWith(bytes, 8, ascii("WEBP"))) {
            return Optional.of(WEBP);
        }
        return Optional.empty();
    }

    /** The name of another picture format these bytes are in (GIF, BMP, TIFF, ICO, HEIF/AVIF, SVG, PSD, JPEG 2000). */
    static Optional<String> otherImage(byte[] bytes) {
        if (startsWith(bytes, 0, ascii("GIF87a")) || startsWith(bytes, 0, ascii("GIF89a"))) {
            return Optional.of("GIF");
        }
        if (startsWith(bytes, 0, ascii("BM")) && bytes.length > 14) {
            return Optional.of("BMP");
        }
        if (startsWith(bytes, 0, new byte[] {'I', 'I', 42, 0}) || startsWith(bytes, 0, new byte[] {'M', 'M', 0, 42})) {
            return Optional.of("TIFF");
        }
        if (startsWith(bytes, 0, new byte[] {0, 0, 1, 0}) || startsWith(bytes, 0, new byte[] {0, 0, 2, 0})) {
            return Optional.of("ICO");
        }
        if (startsWith(bytes, 4, ascii("ftyp"))) {
            return Optional.of("HEIF/AVIF");
        }
        if (startsWith(bytes, 0, ascii("8BPS"))) {
            return Optional.of("PSD");
        }
        if (startsWith(bytes, 0, new byte[] {0, 0, 0, 12, 'j', 'P', ' ', ' '}) || startsWith(bytes, 0, new byte[] {(byte) 0xff, 0x4f, (byte) 0xff, 0x51})) {
            return Optional.of("JPEG 2000");
        }
        String head = new String(bytes, 0, Math.min(bytes.length, 1024), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        if (head.contains("<svg")) {
            return Optional.of("SVG");
        }
        return Optional.empty();
    }

    /** The declared type, as a part's Content-Type names it (parameters and case aside). */
    static String essence(String declared) {
        if (declared == null) {
            return "";
        }
        int semicolon = declared.indexOf(';');
        return (semicolon < 0 ? declared : declared.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Width and height in pixels, read from the header by javax.imageio (no pixel is decoded); empty for WebP, which
     * the JDK cannot read. Throws when the header cannot be read: the bytes begin like a picture but are none.
     */
    Optional<int[]> dimensions(byte[] bytes) throws IOException {
        if (this == WEBP) {
            return Optional.empty();
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new IOException("No reader for " + this);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return Optional.of(new int[] {reader.getWidth(0), reader.getHeight(0)});
            } finally {
                reader.dispose();
            }
        }
    }

    private static boolean startsWith(byte[] bytes, int offset, byte[] prefix) {
        return bytes.length >= offset + prefix.length
                && Arrays.equals(bytes, offset, offset + prefix.length, prefix, 0, prefix.length);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
