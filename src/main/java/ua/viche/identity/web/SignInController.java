package ua.viche.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Locale;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ua.viche.identity.demo.DemoAccounts;
import ua.viche.identity.domain.AccountService;
import ua.viche.identity.idgovua.IdGovUaSettings;
import ua.viche.platform.VicheSettings;

/** Sign-in page, registration, e-mail confirmation and password reset. */
@Controller
@RequestMapping("/account")
class SignInController {

    private final AccountService accounts;
    private final VicheSettings settings;
    private final IdGovUaSettings idGovUa;
    private final OidcProviders oidc;

    SignInController(AccountService accounts, VicheSettings settings, IdGovUaSettings idGovUa, OidcProviders oidc) {
        this.accounts = accounts;
        this.settings = settings;
        this.idGovUa = idGovUa;
        this.oidc = oidc;
    }

    @GetMapping("/signin")
    String signIn(Model model) {
        model.addAttribute("idGovUa", idGovUa.enabled());
        model.addAttribute("idGovUaDemo", idGovUa.demo());
        model.addAttribute("oidcProviders", oidc.providers());
        model.addAttribute("demoAccounts", settings.demoEnabled() ? DemoAccounts.STAFF_HINTS : List.of());
        model.addAttribute("demoPassword", DemoAccounts.PASSWORD);
        return "identity/signin";
    }

    @GetMapping("/register")
    String registerForm(Model model) {
        model.addAttribute("form", new Forms.Register());
        return "identity/register";
    }

    @PostMapping("/register")
    String register(@Valid @ModelAttribute("form") Forms.Register form, BindingResult errors, Locale locale,
                    RedirectAttributes redirect) {
        if (!form.getPassword().equals(form.getPasswordRepeat())) {
            errors.rejectValue("passwordRepeat", "validation.passwordRepeat");
        }
        if (errors.hasErrors()) {
            return "identity/register";
        }
        try {
            accounts.register(form.getEmail(), form.getPassword(), form.getName(), locale, settings.absolute(""));
        } catch (DataIntegrityViolationException e) {
            // a simultaneous registration with the same address won: answer exactly as for a taken address
        }
        redirect.addFlashAttribute("sentTo", form.getEmail().strip());
        return "redirect:/account/register/sent";
    }

    @GetMapping("/register/sent")
    String registered() {
        return "identity/register-sent";
    }

    @GetMapping("/confirm")
    String confirm(@RequestParam(name = "token", defaultValue = "") String token, Model model) {
        model.addAttribute("ok", accounts.confirm(token));
        return "identity/confirmed";
    }

    @GetMapping("/reset")
    String resetForm(Model model) {
        model.addAttribute("form", new Forms.EmailOnly());
        return "identity/reset";
    }

    @PostMapping("/reset")
    String reset(@Valid @ModelAttribute("form") Forms.EmailOnly form, BindingResult errors, Locale locale,
                 RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return "identity/reset";
        }
        accounts.requestReset(form.getEmail(), locale, settings.absolute(""));
        redirect.addFlashAttribute("resetSent", true);
        return "redirect:/account/reset";
    }

    @GetMapping("/reset/confirm")
    String newPasswordForm(@RequestParam(name = "token", defaultValue = "") String token, Model model) {
        if (!accounts.resetUsable(token)) {
            model.addAttribute("ok", false);
            return "identity/reset-done";
        }
        Forms.NewPassword form = new Forms.NewPassword();
        form.setToken(token);
        model.addAttribute("form", form);
        return "identity/reset-new";
    }

    @PostMapping("/reset/confirm")
    String newPassword(@Valid @ModelAttribute("form") Forms.NewPassword form, BindingResult errors, Model model,
                       HttpServletRequest request) {
        if (!form.getPassword().equals(form.getPasswordRepeat())) {
            errors.rejectValue("passwordRepeat", "validation.passwordRepeat");
        }
        if (errors.hasErrors()) {
            return "identity/reset-new";
        }
        HttpSession own = request.getSession(false);
        model.addAttribute("ok", accounts.reset(form.getToken(), form.getPassword(), own == null ? null : own.getId()));
        return "identity/reset-done";
    }
}
