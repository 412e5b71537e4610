package ua.viche.appeals.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ua.viche.appeals.domain.AppealException;
import ua.viche.platform.CurrentCommunity;

/** An appeal rule refused an action: back to the appeal's page with the reason shown, nothing changed. */
@ControllerAdvice(assignableTypes = {AppealController.class, AppealOfficeController.class})
class AppealRefusals {

    @ExceptionHandler(AppealException.class)
    String refused(AppealException e, HttpServletRequest request, RedirectAttributes redirect) {
        redirect.addFlashAttribute("error", e.messageKey());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("/appeals/(?:office/)?(\\d+)/").matcher(request.getRequestURI());
        String base = "/" + CurrentCommunity.require().slug() + "/appeals";
        return "redirect:" + (m.find() ? base + "/" + m.group(1) : base);
    }
}
