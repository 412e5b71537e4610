package ua.viche.petitions.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ua.viche.petitions.domain.PetitionException;
import ua.viche.platform.CurrentCommunity;

/**
 * A petition rule refused an action (signing a closed petition, publishing twice…): back to the
 * petition's page with the reason shown, nothing changed.
 */
@ControllerAdvice(assignableTypes = {PetitionController.class, PetitionAdminController.class})
class PetitionRefusals {

    @ExceptionHandler(PetitionException.class)
    String refused(PetitionException e, HttpServletRequest request, RedirectAttributes redirect) {
        redirect.addFlashAttribute("error", e.messageKey());
        String path = request.getRequestURI();
        String back = path.matches(".*/petitions/\\d+[^/]*/[a-z]+$") ? path.substring(0, path.lastIndexOf('/'))
                : "/" + CurrentCommunity.require().slug() + "/petitions";
        return "redirect:" + back;
    }
}
