-- Pictures uploaded by editors (POST /api/news/images), served at /news/images/{image_id}. Written once and never
-- changed (so the SHA-256 is the ETag, and readers may cache them for good); not a read model: no event carries the
-- bytes, and a rebuild of the projections leaves this table alone. Types and sizes are checked before the insert;
-- the constraints say the same, in case anything else ever writes here.
CREATE TABLE news_image (
    image_id      UUID         PRIMARY KEY,
    content_type  VARCHAR(20)  NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp')),
    bytes         BYTEA        NOT NULL,
    byte_size     INTEGER      NOT NULL CHECK (byte_size > 0 AND byte_size = octet_length(bytes)),
    -- Hex, lower case.
    sha256        CHAR(64)     NOT NULL,
    -- In pixels, read from the header where javax.imageio can (JPEG, PNG); null for WebP.
    width         INTEGER      CHECK (width BETWEEN 1 AND 20000),
    height        INTEGER      CHECK (height BETWEEN 1 AND 20000),
    caption       TEXT         CHECK (char_length(caption) <= 500),
    uploaded_by   VARCHAR(200) NOT NULL,
    uploaded_at   TIMESTAMPTZ  NOT NULL
);
