package ua.viche.platform.web;

import java.time.Duration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The site's icon at {@code /favicon.ico}, where browsers ask for it. Served by a mapping of its own:
 * a community's home ({@code /{community}}) would otherwise take the path for a slug.
 */
@Controller
class FaviconController {

    private static final Resource ICON = new ClassPathResource("static/favicon.ico");
    private static final MediaType ICO = MediaType.parseMediaType("image/x-icon");

    @GetMapping("/favicon.ico")
    ResponseEntity<Resource> icon() {
        return ResponseEntity.ok().contentType(ICO).cacheControl(CacheControl.maxAge(Duration.ofDays(7)).cachePublic()).body(ICON);
    }
}
