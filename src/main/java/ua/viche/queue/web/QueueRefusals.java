package ua.viche.queue.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ua.viche.platform.CurrentCommunity;
import ua.viche.queue.domain.QueueException;

/** A queue rule refused an action on a page: back to where it was taken, the reason shown, nothing changed. */
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
@ControllerAdvice(assignableTypes = {QueueController.class, QueueOfficeController.class, QueueConsoleController.class,
        KioskController.class})
class QueueRefusals {

    @ExceptionHandler(QueueException.class)
    String refused(QueueException e, HttpServletRequest request, RedirectAttributes redirect) {
        redirect.addFlashAttribute("error", e.messageKey());
        String slug = CurrentCommunity.require().slug();
        String path = request.getRequestURI();
        String workplace = request.getParameter("workplace");
        if (path.contains("/cnap/console/") && workplace != null && workplace.matches("\\d+")) {
            return QueueConsoleController.back(slug, Long.parseLong(workplace));
        }
        if (path.matches(".*/cnap/console/kiosks(/\\d+/revoke)?$")) {
            return "redirect:/" + slug + "/cnap/console/kiosks";
        }
        if (path.matches(".*/cnap/console/offices/\\d+/close$")) {
            return "redirect:/" + slug + "/cnap/console";
        }
        if (path.matches(".*/cnap/console/offices(/\\d+(/workplaces)?)?$")) {
            return "redirect:/" + slug + "/cnap/console/offices";
        }
        if (path.matches(".*/cnap/offices/\\d+/kiosk/[a-z]+$")) {
            return "redirect:" + path.substring(0, path.lastIndexOf('/'));
        }
        if (path.matches(".*/cnap/bookings/[A-Za-z0-9]+/[a-z]+$")) {
            return "redirect:" + path.substring(0, path.lastIndexOf('/'));
        }
        return "redirect:/" + slug + "/cnap";
    }
}
