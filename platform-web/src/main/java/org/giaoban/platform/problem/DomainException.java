package org.giaoban.platform.problem;

/**
 * A refusal in the domain's words, with a stable machine {@code code} that clients can rely on
 * (e.g. {@code member-of-another-cluster}). Thrown by aggregates and policies; rendered as problem+json.
 */
public class DomainException extends RuntimeException {

    public enum Kind {
        /** The request is invalid in itself: 400. */
        INVALID(400),
        /** Something it names does not exist: 404. */
        NOT_FOUND(404),
        /** It conflicts with the current state or a rule of the domain: 409. */
        CONFLICT(409);

        private final int status;

        Kind(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final Kind kind;
    private final String code;
    private final String field;

    public DomainException(Kind kind, String code, String detail) {
        this(kind, code, null, detail);
    }

    private DomainException(Kind kind, String code, String field, String detail) {
        super(detail);
        this.kind = kind;
        this.code = code;
        this.field = field;
    }

    public static DomainException invalid(String code, String detail) {
        return new DomainException(Kind.INVALID, code, detail);
    }

    /** Invalid input in one named field of the request (the problem's {@code errors} name it). */
    public static DomainException invalid(String code, String field, String detail) {
        return new DomainException(Kind.INVALID, code, field, detail);
    }

    public static DomainException notFound(String code, String detail) {
        return new DomainException(Kind.NOT_FOUND, code, detail);
    }

    public static DomainException conflict(String code, String detail) {
        return new DomainException(Kind.CONFLICT, code, detail);
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    /** The request field at fault, or null when the refusal is not about one field. */
    public String field() {
        return field;
    }
}
