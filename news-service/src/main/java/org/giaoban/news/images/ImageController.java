package org.giaoban.news.images;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import org.giaoban.platform.problem.DomainException;
import org.giaoban.platform.problem.Problems;
import org.giaoban.platform.text.VietnameseText;
import org.giaoban.platform.web.RequestContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.multipart.MultipartFile;

/**
 * Pictures uploaded by editors, stored in PostgreSQL and served to anyone. An upload is refused, and nothing stored,
 * when it is larger than {@code giaoban.news.images.max-bytes} (413 {@code image-too-large}), when its bytes are no
 * picture (400 {@code not-an-image}), or when they are a picture other than JPEG, PNG or WebP, or not the type the
 * part declares (415 {@code unsupported-image-type}): the type is known from the first bytes, never taken on trust.
 * A picture never changes once stored, so readers cache it for good and revalidate with its SHA-256 as ETag.
 */
@RestController
public class ImageController {

    /** The public address of a picture; an article's images may name it. */
    public static final String PUBLIC_PATH = "/news/images/";
    static final int MAX_CAPTION = 500;
    static final int MAX_PIXELS = 20_000;
    /** A year, the most RFC 9111 caches honour; immutable: not even revalidated while fresh. */
    static final String FOREVER = "public, max-age=31536000, immutable";

    private final Images images;
    private final long maxBytes;

    ImageController(Images images, @Value("${giaoban.news.images.max-bytes:5242880}") long maxBytes) {
        this.images = images;
        this.maxBytes = maxBytes;
    }

    /** The form of an upload, for the OpenAPI document. */
    @Schema(name = "ImageUpload", requiredProperties = "file")
    public record ImageUpload(@Schema(type = "string", format = "binary", description = "the picture: JPEG, PNG or WebP, its part's Content-Type saying which") String file,
                              @Schema(maxLength = MAX_CAPTION, description = "optional, UTF-8 text") String caption) {
    }

    /** The stored picture: {@code url} is where it is served, the value for an article image's {@code url}. */
    public record Uploaded(UUID imageId, String url, String contentType, int size, Integer width, Integer height,
                           String caption) {
    }

    @PostMapping(path = "/api/news/images", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = MediaType.MULTIPART_FORM_DATA_VALUE, schema = @Schema(implementation = ImageUpload.class)))
    public ResponseEntity<Uploaded> upload(@Parameter(hidden = true) @RequestPart("file") MultipartFile file,
                                           @Parameter(hidden = true) @RequestPart(name = "caption", required = false) Part caption)
            throws IOException {
        String text = caption(caption);
        if (file.getSize() > maxBytes) {
            throw new TooLarge("The picture has " + file.getSize() + " bytes; at most " + maxBytes + " are accepted.");
        }
        byte[] bytes = file.getBytes();
        ImageType type = ImageType.of(bytes).orElseThrow(() -> ImageType.otherImage(bytes)
                .<RuntimeException>map(other -> new Unsupported(other + " pictures are not accepted: JPEG, PNG or WebP only."))
                .orElseGet(() -> DomainException.invalid("not-an-image", "file",
                        "The file is not a picture (JPEG, PNG or WebP): its first bytes say so.")));
        String declared = ImageType.essence(file.getContentType());
        if (!declared.equals(type.contentType())) {
            throw new Unsupported("The file is " + type.contentType() + " but its part declares "
                    + (declared.isEmpty() ? "no type" : declared) + ": they must agree.");
        }
        Optional<int[]> size;
        try {
            size = type.dimensions(bytes);
        } catch (IOException | RuntimeException e) {
            throw DomainException.invalid("not-an-image", "file", "The file begins like a " + type + " picture but is none.");
        }
        if (size.isPresent() && (size.get()[0] < 1 || size.get()[1] < 1)) {
            throw DomainException.invalid("not-an-image", "file", "The picture has no pixels.");
        }
        if (size.isPresent() && (size.get()[0] > MAX_PIXELS || size.get()[1] > MAX_PIXELS)) {
            throw new TooLarge("The picture is " + size.get()[0] + " × " + size.get()[1] + " pixels; at most "
                    + MAX_PIXELS + " on each side.");
        }
        Images.Stored stored = new Images.Stored(UUID.randomUUID(), type.contentType(), bytes.length, sha256(bytes),
                size.map(s -> s[0]).orElse(null), size.map(s -> s[1]).orElse(null), text, RequestContext.actor(),
                Instant.now());
        images.add(stored, bytes);
        String url = PUBLIC_PATH + stored.imageId();
        return ResponseEntity.created(URI.create(url)).body(new Uploaded(stored.imageId(), url, stored.contentType(),
                stored.size(), stored.width(), stored.height(), stored.caption()));
    }

    /**
     * A picture as uploaded, with its content type; cached for a year, immutable, revalidated by its ETag (the
     * SHA-256 of its bytes): {@code If-None-Match} with it answers 304 without the bytes.
     */
    @GetMapping(PUBLIC_PATH + "{imageId}")
    public ResponseEntity<byte[]> image(@PathVariable @Schema(format = "uuid") String imageId, HttpServletRequest request,
                                        HttpServletResponse response) {
        // Whatever is not the id of an uploaded picture names none: 404, a malformed id too.
        UUID id = uuid(imageId).orElseThrow(() -> unknownImage(imageId));
        Images.Stored image = images.find(id).orElseThrow(() -> unknownImage(imageId));
        response.setHeader(HttpHeaders.CACHE_CONTROL, FOREVER);
        if (new ServletWebRequest(request, response).checkNotModified(image.sha256())) {
            return null; // 304, with the ETag and Cache-Control set
        }
        byte[] bytes = images.bytes(id).orElseThrow();
        response.setCharacterEncoding((String) null); // the forced UTF-8 of text answers: a picture has no charset
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(image.contentType())).contentLength(bytes.length)
                .body(bytes);
    }

    @ExceptionHandler(TooLarge.class)
    ResponseEntity<ProblemDetail> tooLarge(TooLarge e) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                .body(Problems.body(HttpStatus.PAYLOAD_TOO_LARGE, "image-too-large", e.getMessage()));
    }

    @ExceptionHandler(Unsupported.class)
    ResponseEntity<ProblemDetail> unsupported(Unsupported e) {
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .body(Problems.body(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-image-type", e.getMessage()));
    }

    /** The caption part: strict UTF-8 (a malformed byte is refused, not replaced), NFC, tidy, at most 500 characters. */
    private static String caption(Part part) throws IOException {
        if (part == null) {
            return null;
        }
        if (part.getSize() > MAX_CAPTION * 4L) {
            throw DomainException.invalid("too-long", "caption", "caption is longer than " + MAX_CAPTION + " characters.");
        }
        byte[] bytes;
        try (InputStream in = part.getInputStream()) {
            bytes = in.readAllBytes();
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw DomainException.invalid("invalid-text", "caption", "caption is not UTF-8 text.");
        }
        if (text.codePoints().anyMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c >= 0x7f && c <= 0x9f)) {
            throw DomainException.invalid("invalid-text", "caption", "caption holds control characters.");
        }
        String clean = VietnameseText.clean(text);
        if (clean == null || clean.isEmpty()) {
            return null;
        }
        if (clean.length() > MAX_CAPTION) {
            throw DomainException.invalid("too-long", "caption", "caption is longer than " + MAX_CAPTION + " characters.");
        }
        return clean;
    }

    private static Optional<UUID> uuid(String text) {
        try {
            UUID id = UUID.fromString(text);
            return id.toString().equalsIgnoreCase(text) ? Optional.of(id) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static DomainException unknownImage(String imageId) {
        return DomainException.notFound("unknown-image", "No picture " + (imageId.length() > 40 ? imageId.substring(0, 40) + "…" : imageId)
                + " was uploaded.");
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    /** 413 {@code image-too-large}. */
    static final class TooLarge extends RuntimeException {
        TooLarge(String detail) {
            super(detail);
        }
    }

    /** 415 {@code unsupported-image-type}. */
    static final class Unsupported extends RuntimeException {
        Unsupported(String detail) {
            super(detail);
        }
    }
}
