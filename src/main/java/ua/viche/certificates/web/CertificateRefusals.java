package ua.viche.certificates.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ua.viche.certificates.domain.CertificateException;
import ua.viche.platform.CurrentCommunity;

/**
 * A certificate rule refused an archivist's action: back to the order's page with the reason shown
 * and nothing changed; the certificate text typed so far comes back into its field.
 */
@ControllerAdvice(assignableTypes = CertificateWorkController.class)
class CertificateRefusals {

    @ExceptionHandler(CertificateException.class)
    String refused(CertificateException e, HttpServletRequest request, RedirectAttributes redirect) {
        redirect.addFlashAttribute("error", e.messageKey());
        String text = request.getParameter("text");
        if (text != null && !text.isBlank()) {
            redirect.addFlashAttribute("draftText", text);
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("/work/(\\d+)/").matcher(request.getRequestURI());
        String base = "/" + CurrentCommunity.require().slug() + "/archive/certificates";
        return "redirect:" + (m.find() ? base + "/" + m.group(1) : base + "/work");
    }
}
