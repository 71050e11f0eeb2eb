package org.giaoban.gateway.edge;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import org.giaoban.platform.problem.Problems;

/**
 * Refuses bodies larger than {@code giaoban.gateway.max-request-size} with 413 before anything reads or relays them.
 * A declared {@code Content-Length} is checked as it is (the server reads no more than it declares). A body of unknown
 * length (chunked) is read here, up to one byte more than the limit: too large, it is refused and nothing was sent
 * anywhere; otherwise what follows sees it as a body of known length.
 */
final class RequestSizeFilter extends OncePerRequestFilter {

    static final String CODE = "payload-too-large";

    private final int maxBytes;
    private final ObjectMapper json;

    RequestSizeFilter(int maxBytes, ObjectMapper json) {
        this.maxBytes = maxBytes;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            refuse(response);
            return;
        }
        if (declared < 0 && request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null) {
            byte[] body = request.getInputStream().readNBytes(maxBytes + 1);
            if (body.length > maxBytes) {
                refuse(response);
                return;
            }
            chain.doFilter(new KnownLengthBody(request, body), response);
            return;
        }
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletResponse response) throws IOException {
        // The rest of the body is left to the server: it drains a little, or closes the connection.
        Problems.write(json, response, HttpStatus.PAYLOAD_TOO_LARGE, CODE,
                "The request body is larger than " + maxBytes + " bytes.");
    }

    /** The request with its body already read: a body of known length, no longer chunked. */
    private static final class KnownLengthBody extends HttpServletRequestWrapper {

        private final byte[] body;

        KnownLengthBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream bytes = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return bytes.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return bytes.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return bytes.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already read");
                }
            };
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public String getHeader(String name) {
            if (HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)) {
                return Integer.toString(body.length);
            }
            return HttpHeaders.TRANSFER_ENCODING.equalsIgnoreCase(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            if (HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)) {
                return Collections.enumeration(Set.of(Integer.toString(body.length)));
            }
            return HttpHeaders.TRANSFER_ENCODING.equalsIgnoreCase(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            Set<String> names = new LinkedHashSet<>();
            for (Enumeration<String> original = super.getHeaderNames(); original.hasMoreElements(); ) {
                String name = original.nextElement();
                if (!HttpHeaders.TRANSFER_ENCODING.equalsIgnoreCase(name) && !HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)) {
                    names.add(name);
                }
            }
            names.add(HttpHeaders.CONTENT_LENGTH);
            return Collections.enumeration(names);
        }
    }
}
