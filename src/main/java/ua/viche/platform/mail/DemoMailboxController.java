package ua.viche.platform.mail;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import ua.viche.platform.Mailer;
import ua.viche.platform.NotFoundException;
import ua.viche.platform.VicheSettings;

/**
 * With the demo switched on and no SMTP server, outgoing mail is kept and shown here, so that every
 * flow that sends a link (confirmation, reset, change of e-mail) can be completed locally. A visitor
 * sees only the mail that their own browser session caused: never anyone else's links.
 */
@Controller
class DemoMailboxController {

    private final Mailer mailer;
    private final VicheSettings settings;

    DemoMailboxController(Mailer mailer, VicheSettings settings) {
        this.mailer = mailer;
        this.settings = settings;
    }

    @GetMapping("/demo/mailbox")
    String mailbox(@RequestParam(name = "to", defaultValue = "") String to, HttpServletRequest request, Model model) {
        if (!settings.demoEnabled()) {
            throw new NotFoundException("error.404.text");
        }
        model.addAttribute("to", to);
        model.addAttribute("messages", mailer.causedBy(request.getSession(false), to, 50));
        return "platform/mailbox";
    }
}
