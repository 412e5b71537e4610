package ua.viche.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses oversized bodies with 413 before anything reads them: forms and JSON up to
 * {@code viche.web.max-body} (1 MB), uploads up to {@code viche.web.max-upload} (25 MB), and up to
 * the multipart request limit only under the paths of {@code viche.web.large-upload-paths} (staff
 * pages that take scans and archives). Without this, the servlet container would silently drop the
 * parameters of an oversized form, and anyone could send any public form a body the size of a scan.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class RequestSizeFilter extends OncePerRequestFilter {

    private final long maxBody;
    private final long maxUpload;
    private final long maxLargeUpload;
    private final List<String> largeUploadPaths;

    RequestSizeFilter(@Value("${viche.web.max-body:1MB}") DataSize maxBody,
                      @Value("${viche.web.max-upload:25MB}") DataSize maxUpload,
                      @Value("${spring.servlet.multipart.max-request-size:25MB}") DataSize maxLargeUpload,
                      @Value("${viche.web.large-upload-paths:}") List<String> largeUploadPaths) {
        this.maxBody = maxBody.toBytes();
        this.maxUpload = maxUpload.toBytes();
        this.maxLargeUpload = maxLargeUpload.toBytes();
        this.largeUploadPaths = largeUploadPaths.stream().filter(p -> !p.isBlank()).toList();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        String type = request.getContentType();
        long limit = maxBody;
        if (type != null && type.toLowerCase().startsWith("multipart/")) {
            String uri = request.getRequestURI();
            limit = largeUploadPaths.stream().anyMatch(uri::contains) ? maxLargeUpload : maxUpload;
        }
        if (length > limit) {
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return;
        }
        chain.doFilter(request, response);
    }
}
