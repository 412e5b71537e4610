package ua.viche.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ua.viche.identity.Identity;
import ua.viche.identity.PersonalData;
import ua.viche.identity.ResidencyBasis;
import ua.viche.identity.domain.Account;
import ua.viche.identity.domain.AccountService;
import ua.viche.identity.domain.ResidencyService;
import ua.viche.identity.domain.RoleGrant;
import ua.viche.identity.domain.RoleService;
import ua.viche.identity.domain.Settlement;
import ua.viche.platform.AccessControl;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.NotFoundException;
import ua.viche.platform.RateLimiter;
import ua.viche.platform.Refusal;
import ua.viche.platform.VicheSettings;

/** The account page: my data, my activity, residency, change of e-mail, my data as JSON, deletion. */
@Controller
@RequestMapping("/account")
class AccountController {

    private final AccountService accounts;
    private final RoleService roles;
    private final ResidencyService residency;
    private final Communities communities;
    private final List<PersonalData> personalData;
    private final Identity identity;
    private final VicheSettings settings;
    private final RateLimiter limiter;

    AccountController(AccountService accounts, RoleService roles, ResidencyService residency, Communities communities,
                      List<PersonalData> personalData, Identity identity, VicheSettings settings, RateLimiter limiter) {
        this.identity = identity;
        this.accounts = accounts;
        this.roles = roles;
        this.residency = residency;
        this.communities = communities;
        this.personalData = personalData;
        this.settings = settings;
        this.limiter = limiter;
    }

    @GetMapping
    String account(Model model, Locale locale) {
        Account account = current();
        model.addAttribute("account", account);
        model.addAttribute("person", account.getPerson());
        model.addAttribute("level", account.assurance());
        model.addAttribute("grants", grantViews(account.getId(), locale));
        model.addAttribute("residencies", residencyViews(account));
        model.addAttribute("activity", activity(account, locale));
        if (!model.containsAttribute("emailForm")) {
            model.addAttribute("emailForm", new Forms.EmailOnly());
        }
        model.addAttribute("hasPassword", account.getPasswordHash() != null);
        if (!model.containsAttribute("passwordForm")) {
            model.addAttribute("passwordForm", new Forms.ChangePassword());
        }
        return "identity/account";
    }

    /** A new password for an account that knows its current one; the account's other sessions end. */
    @PostMapping("/password")
    String changePassword(@Valid @ModelAttribute("passwordForm") Forms.ChangePassword form, BindingResult errors,
                          HttpServletRequest request, RedirectAttributes redirect) {
        Account account = current();
        limiter.consume(RateLimiter.SIGN_IN_ACCOUNT, "to:" + account.getEmail());
        if (!form.getPassword().equals(form.getPasswordRepeat())) {
            errors.rejectValue("passwordRepeat", "validation.passwordRepeat");
        }
        if (!errors.hasErrors() && !accounts.changePassword(account.getId(), form.getCurrentPassword(), form.getPassword(),
                request.getSession().getId())) {
            errors.rejectValue("currentPassword", "account.password.wrong");
        }
        if (errors.hasErrors()) {
            form.setCurrentPassword("");
            form.setPassword("");
            form.setPasswordRepeat("");
            redirect.addFlashAttribute("org.springframework.validation.BindingResult.passwordForm", errors);
            redirect.addFlashAttribute("passwordForm", form);
            return "redirect:/account#change-password";
        }
        redirect.addFlashAttribute("passwordChanged", true);
        return "redirect:/account";
    }

    @PostMapping("/email")
    String changeEmail(@Valid @ModelAttribute("emailForm") Forms.EmailOnly form, BindingResult errors, Locale locale,
                       RedirectAttributes redirect) {
        Account account = current();
        limiter.consume(RateLimiter.EMAIL, "account-" + account.getId());
        if (!errors.hasErrors() && !accounts.requestEmailChange(account.getId(), form.getEmail(), locale, settings.absolute(""))) {
            errors.rejectValue("email", "account.email.taken");
        }
        if (errors.hasErrors()) {
            redirect.addFlashAttribute("org.springframework.validation.BindingResult.emailForm", errors);
            redirect.addFlashAttribute("emailForm", form);
            return "redirect:/account#change-email";
        }
        redirect.addFlashAttribute("emailSent", form.getEmail().strip());
        return "redirect:/account";
    }

    @GetMapping("/email/confirm")
    String confirmEmail(@RequestParam(name = "token", defaultValue = "") String token, Model model) {
        model.addAttribute("ok", accounts.confirmEmailChange(token));
        return "identity/email-changed";
    }

    @PostMapping("/confirm/resend")
    String resend(Locale locale, RedirectAttributes redirect) {
        Account account = current();
        limiter.consume(RateLimiter.EMAIL, "account-" + account.getId());
        accounts.resendConfirmation(account.getId(), locale, settings.absolute(""));
        redirect.addFlashAttribute("confirmationSent", true);
        return "redirect:/account";
    }

    /**
     * The form to declare one's address in a community. The community is named {@code {target}}, not
     * {@code {community}}: these are the person's own pages, outside any community, and a
     * {@code {community}} variable is kept for the routes the tenant filter resolves.
     */
    @GetMapping("/residency/{target}")
    String declarationForm(@PathVariable("target") String slug, Model model, Locale locale) {
        Account account = current();
        Community community = community(slug);
        if (!model.containsAttribute("declaration")) {
            Forms.Declaration form = new Forms.Declaration();
            CurrentCommunity.callAs(community, () -> residency.declaration(account.getPerson().getId())).ifPresent(d -> {
                form.setKatottg(d.getKatottg());
                form.setAddress(d.getAddress());
            });
            model.addAttribute("declaration", form);
        }
        fillDeclaration(model, account, community, locale);
        return "identity/residency";
    }

    /**
     * Declares the address the person lives at, in one of the community's settlements (by its
     * KATOTTG code). A settlement not on the community's list, a blank address or a missing
     * confirmation is refused on the form and changes nothing.
     */
    @PostMapping("/residency/{target}")
    String declareResidency(@PathVariable("target") String slug, @Valid @ModelAttribute("declaration") Forms.Declaration form,
                            BindingResult errors, Model model, Locale locale, RedirectAttributes redirect) {
        Account account = current();
        Community community = community(slug);
        if (!errors.hasErrors()) {
            try {
                CurrentCommunity.runAs(community, () -> residency.declare(account.getPerson(), form.getKatottg(), form.getAddress()));
            } catch (Refusal e) {
                e.rejectInto(errors);
            }
        }
        if (errors.hasErrors()) {
            fillDeclaration(model, account, community, locale);
            return "identity/residency";
        }
        redirect.addFlashAttribute("declared", community.slug());
        return "redirect:/account#residency";
    }

    private Community community(String slug) {
        return communities.bySlug(slug).orElseThrow(() -> new NotFoundException("error.community.notFound"));
    }

    private void fillDeclaration(Model model, Account account, Community community, Locale locale) {
        CurrentCommunity.runAs(community, () -> {
            model.addAttribute("target", community);
            model.addAttribute("targetName", community.name(locale));
            model.addAttribute("settlements", residency.settlements());
            model.addAttribute("canDeclare", residency.declarationAllowed());
            model.addAttribute("basis", residency.basis(account.getPerson()).map(Enum::name).orElse(null));
        });
    }

    /** What every module holds about the account's person, newest first. */
    private List<PersonalData.Item> activity(Account account, Locale locale) {
        Identity.PersonRef person = identity.person(account.getId()).orElseThrow();
        List<PersonalData.Item> items = new ArrayList<>();
        personalData.forEach(p -> items.addAll(p.export(person, locale)));
        items.sort(Comparator.comparing(PersonalData.Item::at).reversed());
        return items;
    }

    @GetMapping(value = "/export.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> export(Locale locale) {
        Account account = current();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("accountId", account.getId());
        data.put("email", account.getEmail());
        data.put("displayName", account.getDisplayName());
        data.put("emailConfirmedAt", account.getEmailConfirmedAt());
        data.put("createdAt", account.getCreatedAt());
        data.put("assuranceLevel", account.assurance());
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("lastName", account.getPerson().getLastName());
        person.put("givenName", account.getPerson().getGivenName());
        person.put("middleName", account.getPerson().getMiddleName());
        person.put("address", account.getPerson().getAddress());
        person.put("verifiedAt", account.getPerson().getVerifiedAt());
        person.put("verifiedBy", account.getPerson().getVerifiedBy());
        person.put("taxNumber", "not stored (only a keyed hash is kept)");
        data.put("person", person);
        data.put("roles", grantViews(account.getId(), locale));
        data.put("residency", residencyViews(account));
        data.put("activity", activity(account, locale));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"viche-my-data.json\"")
                .body(data);
    }

    @GetMapping("/delete")
    String deleteForm() {
        current();
        return "identity/delete";
    }

    @PostMapping("/delete")
    String delete(@RequestParam(name = "confirm", defaultValue = "false") boolean confirm, Model model,
                  HttpServletRequest request, HttpServletResponse response) {
        Account account = current();
        if (!confirm) {
            model.addAttribute("confirmError", true);
            return "identity/delete";
        }
        accounts.delete(account.getId());
        new SecurityContextLogoutHandler().logout(request, response, null);
        return "redirect:/?deleted";
    }

    private Account current() {
        return accounts.find(AccessControl.requireUser().accountId())
                .orElseThrow(() -> new AccessDeniedException("account gone"));
    }

    private List<Map<String, Object>> grantViews(long accountId, Locale locale) {
        List<Map<String, Object>> views = new ArrayList<>();
        for (RoleGrant g : roles.grantsOf(accountId)) {
            communities.byId(g.getCommunityId()).ifPresent(c -> {
                Map<String, Object> v = new LinkedHashMap<>();
                v.put("community", c.name(locale));
                v.put("communitySlug", c.slug());
                v.put("role", g.getRole().name());
                v.put("department", g.getDepartmentId() == null ? null : CurrentCommunity.callAs(c,
                        () -> communities.department(g.getDepartmentId()).map(d -> d.name(locale)).orElse(null)));
                views.add(v);
            });
        }
        return views;
    }

    private List<Map<String, Object>> residencyViews(Account account) {
        List<Map<String, Object>> views = new ArrayList<>();
        for (Community c : communities.all()) {
            CurrentCommunity.runAs(c, () -> {
                Map<String, Object> v = new LinkedHashMap<>();
                v.put("slug", c.slug());
                v.put("nameUk", c.nameUk());
                v.put("nameEn", c.nameEn());
                Optional<ResidencyBasis> basis = residency.basis(account.getPerson());
                v.put("resident", basis.isPresent());
                v.put("basis", basis.map(Enum::name).orElse(null));
                List<Settlement> listed = residency.settlements();
                residency.declaration(account.getPerson().getId()).ifPresent(d -> {
                    v.put("declaredAddress", d.getAddress());
                    listed.stream().filter(s -> s.getKatottg().equals(d.getKatottg())).findFirst().ifPresent(s -> {
                        v.put("declaredSettlementUk", s.getNameUk());
                        v.put("declaredSettlementEn", s.getNameEn());
                    });
                    v.put("declaredKatottg", d.getKatottg());
                });
                v.put("canDeclare", residency.declarationAllowed() && !listed.isEmpty()
                        && basis.filter(b -> b != ResidencyBasis.DECLARED).isEmpty());
                views.add(v);
            });
        }
        return views;
    }
}
