package ua.viche.platform.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.Container;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.stereotype.Component;

/**
 * Errors the servlet container answers itself, before any filter or controller sees the request (a
 * malformed address or header, a method the connector refuses): Tomcat's own English report is
 * replaced, for the whole engine, by the platform's page in the user's language or its problem
 * document ({@link ErrorPages#standalone}).
 */
@Component
class ContainerErrors implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final ObjectProvider<ErrorPages> pages;

    ContainerErrors(ObjectProvider<ErrorPages> pages) {
        this.pages = pages;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addEngineValves(new PlatformErrorReport(pages));
    }

    /** Tomcat's error report valve with the platform's page instead of Tomcat's; the only one in the engine. */
    static final class PlatformErrorReport extends ErrorReportValve {
        private static final Logger log = LoggerFactory.getLogger(PlatformErrorReport.class);
        private final ObjectProvider<ErrorPages> pages;

        PlatformErrorReport(ObjectProvider<ErrorPages> pages) {
            this.pages = pages;
        }

        /** Removes the hosts' own report valves (started before the engine's), so that this one answers. */
        @Override
        protected synchronized void startInternal() throws LifecycleException {
            for (Container host : getContainer().findChildren()) {
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve.getClass() == ErrorReportValve.class) {
                        host.getPipeline().removeValve(valve);
                    }
                }
            }
            super.startInternal();
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            AtomicBoolean ioAllowed = new AtomicBoolean(false);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
            ErrorPages errorPages = pages.getIfAvailable();
            if (!ioAllowed.get() || errorPages == null) {
                return;
            }
            try {
                ErrorPages.Rendered page = errorPages.standalone(request.getRequest(), response.getResponse(), status);
                response.setContentType(page.contentType());
                response.setCharacterEncoding("UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(page.body());
                    response.finishResponse();
                }
            } catch (IOException | RuntimeException e) {
                log.warn("Could not write the error page for status {}: {}", status,
                        NestedExceptionUtils.getMostSpecificCause(e).toString());
            }
        }
    }
}
