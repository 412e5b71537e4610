package ua.viche.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses oversized bodies with 413 before anything reads them: forms and JSON up to
 * {@code viche.web.max-body} (1 MB), uploads up to the multipart request limit. Without this, the
 * servlet container would silently drop the parameters of an oversized form.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class RequestSizeFilter extends OncePerRequestFilter {

    private final long maxBody;
    private final long maxUpload;

    RequestSizeFilter(@Value("${viche.web.max-body:1MB}") DataSize maxBody,
                      @Value("${spring.servlet.multipart.max-request-size:25MB}") DataSize maxUpload) {
        this.maxBody = maxBody.toBytes();
        this.maxUpload = maxUpload.toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        String type = request.getContentType();
        long limit = type != null && type.toLowerCase().startsWith("multipart/") ? maxUpload : maxBody;
        if (length > limit) {
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return;
        }
        chain.doFilter(request, response);
    }
}
