package ua.viche.queue.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ua.viche.platform.RateLimiter;
import ua.viche.platform.Refusal;
import ua.viche.platform.VicheSettings;
import ua.viche.queue.domain.Catalogue;
import ua.viche.queue.domain.Kiosks;
import ua.viche.queue.domain.Office;
import ua.viche.queue.domain.OfficeQueue;
import ua.viche.queue.domain.Visit;

/** Offices, the check-in kiosk, tickets and the public display of calls. */
@Refusal.Back("/{community}/cnap")
@Controller
@RequestMapping("/{community}/cnap")
class QueueOfficeController {

    private final Catalogue catalogue;
    private final OfficeQueue queue;
    private final RateLimiter limiter;
    private final Clock clock;
    private final Kiosks kiosks;
    private final VicheSettings settings;

    QueueOfficeController(Catalogue catalogue, OfficeQueue queue, RateLimiter limiter, Clock clock, Kiosks kiosks,
                          VicheSettings settings) {
        this.catalogue = catalogue;
        this.queue = queue;
        this.limiter = limiter;
        this.clock = clock;
        this.kiosks = kiosks;
        this.settings = settings;
    }

    @GetMapping("/offices")
    String offices(@PathVariable("community") String slug, Model model) {
        model.addAttribute("offices", catalogue.offices());
        return "queue/offices";
    }

    /** The offices that have a place on the map, as GeoJSON: the module's map layer. */
    @GetMapping(value = "/offices.geojson", produces = "application/geo+json")
    @ResponseBody
    Map<String, Object> officesGeoJson(@PathVariable("community") String slug) {
        List<Map<String, Object>> features = catalogue.offices().stream().filter(o -> o.getLatitude() != null && o.getLongitude() != null)
                .map(o -> Map.<String, Object>of("type", "Feature",
                        "geometry", Map.of("type", "Point", "coordinates", List.of(o.getLongitude(), o.getLatitude())),
                        "properties", Map.of("id", o.getId(), "name", o.getNameUk(), "name_en", o.getNameEn(),
                                "address", o.getAddressUk(), "url", "/" + slug + "/cnap/offices/" + o.getId())))
                .toList();
        return Map.of("type", "FeatureCollection", "features", features);
    }

    @GetMapping("/offices/{id:\\d+}")
    String office(@PathVariable("community") String slug, @PathVariable("id") long id, Model model) {
        Office o = catalogue.office(id);
        model.addAttribute("office", o);
        model.addAttribute("hours", o.hours().days());
        model.addAttribute("workplaces", catalogue.workplaces(id).size());
        model.addAttribute("services", catalogue.servicesAt(id));
        return "queue/office";
    }

    /**
     * The kiosk page of an office. Only a device enrolled as one of the office's kiosks issues
     * tickets; any other gets a 403 page that says so and lets the device be enrolled with a token.
     */
    @GetMapping("/offices/{id:\\d+}/kiosk")
    String kiosk(@PathVariable("community") String slug, @PathVariable("id") long id, HttpServletRequest request,
                 HttpServletResponse response, Model model) {
        Office office = catalogue.office(id);
        model.addAttribute("office", office);
        if (!enrolled(request, office)) {
            return notEnrolled(office, response, model);
        }
        model.addAttribute("services", catalogue.servicesAt(id));
        return "queue/kiosk";
    }

    @PostMapping("/offices/{id:\\d+}/kiosk/checkin")
    @Refusal.Back("/{community}/cnap/offices/{id}/kiosk")
    String checkIn(@PathVariable("community") String slug, @PathVariable("id") long id,
                   @RequestParam(name = "code", defaultValue = "") String code, HttpServletRequest request,
                   HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Office office = catalogue.office(id);
        if (!enrolled(request, office)) {
            return notEnrolled(office, response, model);
        }
        limiter.consume(RateLimiter.SIGN, "kiosk-" + request.getRemoteAddr());
        Visit v = queue.checkIn(id, code);
        redirect.addFlashAttribute("message", v.getKind() == Visit.Kind.BOOKED ? "queue.checkedIn" : "queue.checkedInLate");
        return "redirect:/" + slug + "/cnap/tickets/" + v.getRateCode();
    }

    @PostMapping("/offices/{id:\\d+}/kiosk/ticket")
    @Refusal.Back("/{community}/cnap/offices/{id}/kiosk")
    String ticket(@PathVariable("community") String slug, @PathVariable("id") long id,
                  @RequestParam(name = "service", defaultValue = "0") long service, HttpServletRequest request,
                  HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Office office = catalogue.office(id);
        if (!enrolled(request, office)) {
            return notEnrolled(office, response, model);
        }
        limiter.consume(RateLimiter.SIGN, "kiosk-" + request.getRemoteAddr());
        Visit v = queue.walkIn(id, service);
        redirect.addFlashAttribute("message", "queue.ticketTaken");
        return "redirect:/" + slug + "/cnap/tickets/" + v.getRateCode();
    }

    private boolean enrolled(HttpServletRequest request, Office office) {
        return kiosks.officeOf(KioskController.secret(request)).filter(o -> o == office.getId()).isPresent();
    }

    /** 403: this device is not an enrolled kiosk of the office (never enrolled, revoked, or another office's). */
    private String notEnrolled(Office office, HttpServletResponse response, Model model) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("office", office);
        model.addAttribute("demoToken", settings.demoEnabled() ? kiosks.workingDemoToken(office.getId()).orElse(null) : null);
        return "queue/kiosk-enrol";
    }

    @GetMapping("/tickets/{code}")
    String ticketPage(@PathVariable("community") String slug, @PathVariable("code") String code, Model model) {
        Visit v = queue.byRateCode(code);
        model.addAttribute("visit", v);
        model.addAttribute("service", catalogue.service(v.getServiceId()));
        model.addAttribute("office", catalogue.office(v.getOfficeId()));
        model.addAttribute("ahead", queue.waiting(v.getOfficeId()).stream().takeWhile(w -> w.getId() != v.getId()).count());
        return "queue/ticket";
    }

    /** The hall display: who is called to which window; refreshes itself every 10 s without JavaScript. */
    @GetMapping("/offices/{id:\\d+}/display")
    String display(@PathVariable("community") String slug, @PathVariable("id") long id,
                   @RequestParam(name = "sound", defaultValue = "false") boolean sound,
                   @RequestParam(name = "auto", defaultValue = "false") boolean auto, Model model) {
        model.addAttribute("auto", auto);
        model.addAttribute("office", catalogue.office(id));
        List<Visit> calls = queue.calls(id, 8);
        model.addAttribute("calls", calls);
        model.addAttribute("waiting", queue.waiting(id).size());
        model.addAttribute("sound", sound);
        Instant now = Instant.now(clock);
        model.addAttribute("chime", sound && !calls.isEmpty() && calls.get(0).getCalledAt() != null
                && Duration.between(calls.get(0).getCalledAt(), now).getSeconds() < 12);
        return "queue/display";
    }

    /** A short two-tone chime (WAV, generated once) for the display's audible cue. */
    @GetMapping(value = "/chime.wav", produces = "audio/wav")
    ResponseEntity<byte[]> chime() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofDays(7))).contentType(MediaType.parseMediaType("audio/wav"))
                .body(CHIME);
    }

    private static final byte[] CHIME = chimeWav();

    private static byte[] chimeWav() {
        int rate = 16000;
        int samples = rate * 7 / 10;
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        for (int i = 0; i < samples; i++) {
            double f = i < samples / 2 ? 880 : 660;
            double envelope = Math.min(1, (samples - i) / 2000.0) * Math.min(1, i / 200.0);
            short v = (short) (Math.sin(2 * Math.PI * f * i / rate) * 12000 * envelope);
            data.write(v & 0xff);
            data.write((v >> 8) & 0xff);
        }
        byte[] pcm = data.toByteArray();
        ByteBuffer b = ByteBuffer.allocate(44 + pcm.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + pcm.length).put("WAVE".getBytes()).put("fmt ".getBytes()).putInt(16)
                .putShort((short) 1).putShort((short) 1).putInt(rate).putInt(rate * 2).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes()).putInt(pcm.length).put(pcm);
        return b.array();
    }
}
