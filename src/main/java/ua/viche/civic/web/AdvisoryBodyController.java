package ua.viche.civic.web;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ua.viche.civic.domain.AdvisoryBodies;
import ua.viche.civic.domain.AdvisoryBody;
import ua.viche.civic.domain.BodyEvent;
import ua.viche.civic.domain.BodyKind;
import ua.viche.civic.domain.BodyMeeting;
import ua.viche.civic.domain.BodyMember;
import ua.viche.civic.domain.OrganisationRegister;
import ua.viche.platform.AccessControl;
import ua.viche.platform.Refusal;

/**
 * Advisory bodies: the public list, a body's page (composition, past members, meetings, history)
 * and a meeting's page (agenda, minutes, decisions, PDFs); staff's forms for all of it.
 */
@Controller
class AdvisoryBodyController {

    private final AdvisoryBodies bodies;
    private final OrganisationRegister register;
    private final MessageSource messages;

    AdvisoryBodyController(AdvisoryBodies bodies, OrganisationRegister register, MessageSource messages) {
        this.bodies = bodies;
        this.register = register;
        this.messages = messages;
    }

    @ModelAttribute
    void refusalText(Model model, Locale locale) {
        CivicForms.describe(model, messages, locale);
    }

    private void requireStaff() {
        if (!bodies.isStaff()) {
            AccessControl.requireUser();
            throw new AccessDeniedException("advisory bodies staff only");
        }
    }

    @GetMapping("/{community}/advisory-bodies")
    String list(@PathVariable("community") String slug, Model model) {
        model.addAttribute("bodies", bodies.all());
        model.addAttribute("isStaff", bodies.isStaff());
        return "civic/advisory-bodies";
    }

    @GetMapping("/{community}/advisory-bodies/new")
    String form(@PathVariable("community") String slug, Model model) {
        requireStaff();
        model.addAttribute("kinds", BodyKind.values());
        return "civic/advisory-body-form";
    }

    static AdvisoryBody.Input input(Map<String, String> f) {
        return new AdvisoryBody.Input(CivicForms.choice(BodyKind.class, f.get("kind")), f.getOrDefault("nameUk", ""),
                f.getOrDefault("nameEn", ""), f.getOrDefault("description", ""), f.getOrDefault("foundingAct", ""));
    }

    @PostMapping("/{community}/advisory-bodies")
    @Refusal.Back("/{community}/advisory-bodies/new")
    String create(@PathVariable("community") String slug, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        AdvisoryBody b = bodies.create(input(form));
        redirect.addFlashAttribute("message", "civic.body.created");
        return "redirect:" + b.url(slug);
    }

    @GetMapping("/{community}/advisory-bodies/{id:\\d+}/edit")
    String edit(@PathVariable("community") String slug, @PathVariable("id") long id, Model model) {
        requireStaff();
        model.addAttribute("advisory", bodies.body(id));
        model.addAttribute("kinds", BodyKind.values());
        return "civic/advisory-body-form";
    }

    @PostMapping("/{community}/advisory-bodies/{id:\\d+}/edit")
    @Refusal.Back("/{community}/advisory-bodies/{id}/edit")
    String update(@PathVariable("community") String slug, @PathVariable("id") long id, @RequestParam Map<String, String> form,
                  RedirectAttributes redirect) {
        AdvisoryBody b = bodies.update(id, input(form));
        redirect.addFlashAttribute("message", "civic.body.changed");
        return "redirect:" + b.url(slug);
    }

    @GetMapping("/{community}/advisory-bodies/{id:\\d+}")
    String show(@PathVariable("community") String slug, @PathVariable("id") long id, Model model) {
        model.addAttribute("view", bodies.page(id));
        boolean staff = bodies.isStaff();
        model.addAttribute("isStaff", staff);
        if (staff) {
            model.addAttribute("roles", BodyMember.Role.values());
            model.addAttribute("eventKinds", BodyEvent.Kind.values());
            model.addAttribute("organisations", register.verified());
        }
        return "civic/advisory-body";
    }

    @PostMapping("/{community}/advisory-bodies/{id:\\d+}/members")
    @Refusal.Back("/{community}/advisory-bodies/{id}")
    String addMember(@PathVariable("community") String slug, @PathVariable("id") long id, @RequestParam Map<String, String> form,
                     RedirectAttributes redirect) {
        bodies.addMember(id, new AdvisoryBodies.MemberInput(form.getOrDefault("memberName", ""),
                CivicForms.choice(BodyMember.Role.class, form.get("role")), CivicForms.day(form, "termFrom"), CivicForms.day(form, "termTo"),
                CivicForms.number(form, "organisationId")));
        redirect.addFlashAttribute("message", "civic.body.memberAdded");
        return "redirect:/" + slug + "/advisory-bodies/" + id + "#composition";
    }

    @PostMapping("/{community}/advisory-bodies/{id:\\d+}/members/{member:\\d+}/end")
    @Refusal.Back("/{community}/advisory-bodies/{id}")
    String endTerm(@PathVariable("community") String slug, @PathVariable("id") long id, @PathVariable("member") long member,
                   @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        bodies.endTerm(id, member, CivicForms.day(form, "termTo-" + member));
        redirect.addFlashAttribute("message", "civic.body.termEnded");
        return "redirect:/" + slug + "/advisory-bodies/" + id + "#composition";
    }

    @PostMapping("/{community}/advisory-bodies/{id:\\d+}/history")
    @Refusal.Back("/{community}/advisory-bodies/{id}")
    String addEvent(@PathVariable("community") String slug, @PathVariable("id") long id, @RequestParam Map<String, String> form,
                    RedirectAttributes redirect) {
        bodies.addEvent(id, CivicForms.day(form, "happenedOn"), CivicForms.choice(BodyEvent.Kind.class, form.get("eventKind")),
                form.getOrDefault("eventText", ""));
        redirect.addFlashAttribute("message", "civic.body.eventAdded");
        return "redirect:/" + slug + "/advisory-bodies/" + id + "#history";
    }

    static AdvisoryBodies.MeetingInput meeting(Map<String, String> form) {
        return new AdvisoryBodies.MeetingInput(CivicForms.day(form, "heldOn"), form.getOrDefault("place", ""),
                form.getOrDefault("agenda", ""), form.getOrDefault("minutes", ""));
    }

    @PostMapping("/{community}/advisory-bodies/{id:\\d+}/meetings")
    @Refusal.Back("/{community}/advisory-bodies/{id}")
    String addMeeting(@PathVariable("community") String slug, @PathVariable("id") long id, @RequestParam Map<String, String> form,
                      @RequestParam(name = "minutesPdf", required = false) @Nullable MultipartFile pdf, RedirectAttributes redirect)
            throws IOException {
        BodyMeeting m = bodies.addMeeting(id, meeting(form), CivicForms.upload(pdf));
        redirect.addFlashAttribute("message", "civic.body.meetingAdded");
        return "redirect:/" + slug + "/" + m.path();
    }

    @GetMapping("/{community}/advisory-bodies/{id:\\d+}/meetings/{meeting:\\d+}")
    String meeting(@PathVariable("community") String slug, @PathVariable("id") long id, @PathVariable("meeting") long meeting, Model model) {
        model.addAttribute("view", bodies.meetingPage(id, meeting));
        model.addAttribute("isStaff", bodies.isStaff());
        return "civic/advisory-meeting";
    }

    @PostMapping("/{community}/advisory-bodies/{id:\\d+}/meetings/{meeting:\\d+}")
    @Refusal.Back("/{community}/advisory-bodies/{id}/meetings/{meeting}")
    String updateMeeting(@PathVariable("community") String slug, @PathVariable("id") long id, @PathVariable("meeting") long meeting,
                         @RequestParam Map<String, String> form,
                         @RequestParam(name = "minutesPdf", required = false) @Nullable MultipartFile pdf, RedirectAttributes redirect)
            throws IOException {
        BodyMeeting m = bodies.updateMeeting(id, meeting, meeting(form), CivicForms.upload(pdf));
        redirect.addFlashAttribute("message", "civic.body.meetingChanged");
        return "redirect:/" + slug + "/" + m.path();
    }

    @PostMapping("/{community}/advisory-bodies/{id:\\d+}/meetings/{meeting:\\d+}/decisions")
    @Refusal.Back("/{community}/advisory-bodies/{id}/meetings/{meeting}")
    String addDecision(@PathVariable("community") String slug, @PathVariable("id") long id, @PathVariable("meeting") long meeting,
                       @RequestParam Map<String, String> form,
                       @RequestParam(name = "decisionPdf", required = false) @Nullable MultipartFile pdf, RedirectAttributes redirect)
            throws IOException {
        Long number = CivicForms.number(form, "number");
        bodies.addDecision(id, meeting, number == null ? null : (int) Math.max(0, Math.min(number, Integer.MAX_VALUE)),
                form.getOrDefault("decisionText", ""), CivicForms.upload(pdf));
        redirect.addFlashAttribute("message", "civic.body.decisionAdded");
        return "redirect:/" + slug + "/advisory-bodies/" + id + "/meetings/" + meeting + "#decisions";
    }

    @GetMapping("/{community}/advisory-bodies/{id:\\d+}/meetings/{meeting:\\d+}/files/{file:\\d+}")
    ResponseEntity<InputStreamResource> file(@PathVariable("community") String slug, @PathVariable("id") long id,
                                             @PathVariable("meeting") long meeting, @PathVariable("file") long file) throws IOException {
        return bodies.download(id, meeting, file);
    }
}
