package io.livechain.web.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's last word on requests that never reach the application (an invalid URI, say): problem+json instead
 * of Tomcat's HTML page, and no server details.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String code = ProblemTypes.codeFor(status);
        // the request never reached the filters: it gets its correlation id here, in the header and the body
        String correlationId = CorrelationIdFilter.correlationIdFor(request.getHeader(CorrelationIdFilter.HEADER));
        String body = "{\"type\":\"" + ProblemTypes.BASE + code + "\",\"title\":\"" + code.replace('-', ' ')
                + "\",\"status\":" + status + ",\"detail\":\"the request could not be understood\""
                + ",\"correlationId\":\"" + correlationId + "\"}";
        try {
            response.setHeader(CorrelationIdFilter.HEADER, correlationId);
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
            response.finishResponse();
        } catch (IOException | IllegalStateException ignored) {
            // the client is gone; nothing left to tell it
        }
    }
}
