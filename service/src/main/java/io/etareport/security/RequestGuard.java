package io.etareport.security;

import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import io.etareport.customers.ObfuscatedId;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The first thing every request meets, so that a hostile client costs little:
 * <ul>
 * <li>a body larger than its limit is a 413 before anything reads it into memory: by its declared
 * length, or, sent in chunks without one, after reading no more than the limit;</li>
 * <li>a query string that is not valid percent-encoded UTF-8 is a 400 with one WARN line, no stack
 * trace and no parameter values (Tomcat would otherwise fail deep inside the first parameter read).</li>
 * </ul>
 */
final class RequestGuard extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RequestGuard.class);
    /** Customer link ids are keys: logs show the shape of a path, never the id. */
    private static final Pattern LINK_ID = Pattern.compile(ObfuscatedId.FORMAT);

    private final RequestLimits limits;

    RequestGuard(RequestLimits limits) {
        this.limits = limits;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!QueryStrings.isWellFormed(request.getQueryString())) {
            log.warn("Rejected a malformed query string (400): {} {}", request.getMethod(), pathShape(request));
            response.setHeader("Connection", "close");
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        long limit = limitFor(request);
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            tooLarge(request, response, limit);
            return;
        }
        if (declared < 0 && request.getHeader("Transfer-Encoding") != null && !isForm(request)) {
            // Chunked: read at most one byte past the limit, then hand the body on from memory.
            byte[] body = request.getInputStream().readNBytes((int) limit + 1);
            if (body.length > limit) {
                tooLarge(request, response, limit);
                return;
            }
            chain.doFilter(new BufferedBody(request, body), response);
            return;
        }
        // Chunked forms are parsed by Tomcat itself, within server.tomcat.max-http-form-post-size.
        chain.doFilter(request, response);
    }

    private long limitFor(HttpServletRequest request) {
        return "/eta/start".equals(request.getRequestURI()) ? limits.startBody().toBytes() : limits.formBody().toBytes();
    }

    private static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && (type.startsWith("application/x-www-form-urlencoded")
                || type.startsWith("multipart/form-data"));
    }

    private static void tooLarge(HttpServletRequest request, HttpServletResponse response, long limit)
            throws IOException {
        log.warn("Rejected a request body over {} bytes (413): {} {}", limit, request.getMethod(), pathShape(request));
        // Closing the connection spares Tomcat from reading (swallowing) the rest of the body.
        response.setHeader("Connection", "close");
        response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
    }

    static String pathShape(HttpServletRequest request) {
        String path = request.getRequestURI();
        path = path.length() > 200 ? path.substring(0, 200) + "..." : path;
        return LINK_ID.matcher(path).replaceAll("<id>");
    }

    /** A request whose body was read already (and found small enough). */
    private static final class BufferedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        BufferedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            InputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    try {
                        return in.available() == 0;
                    } catch (IOException e) {
                        return true;
                    }
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("The body was read already");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), charset));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
