package ua.viche.budget.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ua.viche.budget.domain.BudgetException;
import ua.viche.platform.CurrentCommunity;

/** A budget rule refused an action: back to the page it came from, with the reason; nothing changed. */
@ControllerAdvice(assignableTypes = {BudgetController.class, BudgetAdminController.class})
class BudgetRefusals {

    @ExceptionHandler(BudgetException.class)
    String refused(BudgetException e, HttpServletRequest request, RedirectAttributes redirect) {
        redirect.addFlashAttribute("error", e.messageKey());
        String base = "/" + CurrentCommunity.require().slug();
        java.util.regex.Matcher project = java.util.regex.Pattern.compile("/budget/projects/(\\d+)/").matcher(request.getRequestURI());
        java.util.regex.Matcher cycle = java.util.regex.Pattern.compile("/budget/cycles/(\\d+)/").matcher(request.getRequestURI());
        if (request.getRequestURI().endsWith("/paper")) {
            return "redirect:" + request.getRequestURI();
        }
        if (project.find()) {
            return "redirect:" + base + "/budget/projects/" + project.group(1);
        }
        if (request.getRequestURI().contains("/admin/budget")) {
            return "redirect:" + base + "/admin/budget";
        }
        return "redirect:" + base + (cycle.find() ? "/budget/cycles/" + cycle.group(1) : "/budget");
    }
}
