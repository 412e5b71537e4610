package ua.viche.geo.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ua.viche.geo.domain.Access;
import ua.viche.geo.domain.GeoEditing;
import ua.viche.geo.domain.GeoEvents;
import ua.viche.geo.domain.GeoPhotos;
import ua.viche.geo.domain.GeoRoutes;
import ua.viche.geo.domain.GeoService;
import ua.viche.geo.domain.GeoTransfer;
import ua.viche.geo.domain.Layer;
import ua.viche.geo.domain.MapObject;
import ua.viche.geo.domain.StandardLayer;
import ua.viche.platform.AccessControl;
import ua.viche.platform.Communities;
import ua.viche.platform.FileStore;
import ua.viche.platform.Refusal;

/**
 * Officials' pages: the layers (the community admin enables standard ones, creates layers and
 * chooses their departments), a layer's description, its objects with import and export, an
 * object's form. An official sees, describes and edits only the layers of their departments.
 */
@Controller
@RequestMapping("/{community}/map/manage")
@Refusal.Back("/{community}/map/manage")
class GeoManageController {

    /** An uploaded import file at most (bytes). */
    static final long MAX_FILE = 10L * 1024 * 1024;

    private final GeoService geo;
    /** The fields of an object's location; a new route chosen by its first stops has none of them. */
    private static final Set<String> LOCATION = Set.of("latitude", "longitude", "geometry");

    private final GeoRoutes routes;
    private final GeoEvents events;
    private final GeoPhotos photos;
    private final GeoEditing editing;
    private final GeoTransfer transfer;
    private final Communities communities;
    private final MessageSource messages;

    GeoManageController(GeoService geo, GeoRoutes routes, GeoEvents events, GeoPhotos photos, GeoEditing editing, GeoTransfer transfer,
                        Communities communities, MessageSource messages) {
        this.events = events;
        this.photos = photos;
        this.geo = geo;
        this.routes = routes;
        this.editing = editing;
        this.transfer = transfer;
        this.communities = communities;
        this.messages = messages;
    }

    /** Model attribute "errorText": a refusal's message with its arguments, in the reader's language (after a redirect back). */
    @ModelAttribute
    void refusalText(Model model, Locale locale) {
        if (model.getAttribute("error") instanceof String key) {
            Object[] args = model.getAttribute("errorArgs") instanceof Object[] a ? a : new Object[0];
            model.addAttribute("errorText", messages.getMessage(key, args, key, locale));
        }
    }

    private AccessControl.Scope scope() {
        AccessControl.requireUser();
        return editing.scope().orElseThrow(() -> new AccessDeniedException("no geo role"));
    }

    @GetMapping
    String layers(@PathVariable("community") String slug, Model model) {
        AccessControl.Scope scope = scope();
        List<Layer> all = geo.layers();
        model.addAttribute("layers", all.stream().filter(l -> scope.covers(l.getDepartmentId())).toList());
        model.addAttribute("counts", geo.counts());
        model.addAttribute("isAdmin", editing.isAdmin());
        List<String> taken = all.stream().map(Layer::getSlug).toList();
        model.addAttribute("standards", List.of(StandardLayer.values()).stream().filter(s -> !taken.contains(s.slug())).toList());
        model.addAttribute("departments", communities.departments());
        return "geo/manage";
    }

    @PostMapping("/standard")
    String enable(@PathVariable("community") String slug, @RequestParam("standard") StandardLayer standard, RedirectAttributes redirect) {
        Layer layer = editing.enable(standard);
        redirect.addFlashAttribute("message", "geo.manage.enabled");
        return "redirect:/" + slug + "/map/manage/layers/" + layer.getId();
    }

    @GetMapping("/layers/new")
    String newLayer(@PathVariable("community") String slug, Model model) {
        if (!editing.isAdmin()) {
            throw new AccessDeniedException("admin only");
        }
        return layerForm(model, null);
    }

    @GetMapping("/layers/{id:\\d+}/edit")
    String editLayer(@PathVariable("community") String slug, @PathVariable("id") long id, Model model) {
        return layerForm(model, editing.requireEditable(id));
    }

    private String layerForm(Model model, @Nullable Layer layer) {
        model.addAttribute("editLayer", layer);
        model.addAttribute("isAdmin", editing.isAdmin());
        model.addAttribute("shapes", Layer.Shape.values());
        model.addAttribute("departments", communities.departments());
        return "geo/layer-form";
    }

    @PostMapping("/layers")
    @Refusal.Back("/{community}/map/manage/layers/new")
    String createLayer(@PathVariable("community") String slug, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Layer layer = editing.saveLayer(null, layerInput(form));
        redirect.addFlashAttribute("message", "geo.manage.saved");
        return "redirect:/" + slug + "/map/manage/layers/" + layer.getId();
    }

    @PostMapping("/layers/{id:\\d+}/edit")
    @Refusal.Back("/{community}/map/manage/layers/{id}/edit")
    String updateLayer(@PathVariable("community") String slug, @PathVariable("id") long id, @RequestParam Map<String, String> form,
                       RedirectAttributes redirect) {
        editing.saveLayer(id, layerInput(form));
        redirect.addFlashAttribute("message", "geo.manage.saved");
        return "redirect:/" + slug + "/map/manage/layers/" + id;
    }

    private static GeoEditing.LayerInput layerInput(Map<String, String> f) {
        Layer.Shape shape;
        try {
            shape = Layer.Shape.valueOf(f.getOrDefault("shape", "CIRCLE"));
        } catch (IllegalArgumentException e) {
            throw Refusal.field("shape", "geo.error.shape");
        }
        Long department = null;
        String d = f.getOrDefault("departmentId", "");
        if (!d.isBlank()) {
            try {
                department = Long.parseLong(d);
            } catch (NumberFormatException e) {
                throw Refusal.field("departmentId", "geo.error.department");
            }
        }
        int position;
        try {
            position = Integer.parseInt(f.getOrDefault("position", "0").strip());
        } catch (NumberFormatException e) {
            position = 0;
        }
        return new GeoEditing.LayerInput(f.getOrDefault("slug", "").strip(), f.getOrDefault("nameUk", ""), f.getOrDefault("nameEn", ""),
                f.getOrDefault("icon", "place").strip(), f.getOrDefault("colour", "").strip(), shape, f.getOrDefault("label", ""),
                department, "on".equals(f.get("published")) || "true".equals(f.get("published")), f.getOrDefault("attributes", ""), position);
    }

    @GetMapping("/layers/{id:\\d+}")
    String objects(@PathVariable("community") String slug, @PathVariable("id") long id, Model model) {
        Layer layer = editing.requireEditable(id);
        model.addAttribute("layer", layer);
        model.addAttribute("objects", geo.objectsOf(id));
        model.addAttribute("isAdmin", editing.isAdmin());
        model.addAttribute("columns", String.join(",", GeoTransfer.columns(layer)));
        model.addAttribute("holdsRoutes", GeoRoutes.holdsRoutes(layer));
        return "geo/manage-layer";
    }

    @GetMapping("/layers/{id:\\d+}/objects/new")
    String newObject(@PathVariable("community") String slug, @PathVariable("id") long id, Model model) {
        return objectForm(model, editing.requireEditable(id), null);
    }

    @GetMapping("/layers/{id:\\d+}/objects/{object:\\d+}")
    String editObject(@PathVariable("community") String slug, @PathVariable("id") long id, @PathVariable("object") long objectId,
                      Model model) {
        Layer layer = editing.requireEditable(id);
        MapObject o = geo.object(objectId);
        if (o.getLayerId() != layer.getId()) {
            throw new AccessDeniedException("not this layer's object");
        }
        return objectForm(model, layer, o);
    }

    private String objectForm(Model model, Layer layer, @Nullable MapObject o) {
        model.addAttribute("layer", layer);
        model.addAttribute("object", o);
        model.addAttribute("values", o == null ? Map.of() : geo.attributeValues(o.getAttributes()));
        model.addAttribute("accessAll", Access.values());
        model.addAttribute("answers", Access.Answer.values());
        model.addAttribute("area", geo.area());
        model.addAttribute("holdsRoutes", GeoRoutes.holdsRoutes(layer));
        if (o == null && GeoRoutes.holdsRoutes(layer)) {
            model.addAttribute("candidates", routes.candidates());
        }
        model.addAttribute("events", o == null ? List.of() : events.of(o.getId(), true));
        model.addAttribute("photos", o == null ? List.of() : photos.of(o.getId()));
        return "geo/object-form";
    }

    @PostMapping("/layers/{id:\\d+}/objects")
    @Refusal.Back("/{community}/map/manage/layers/{id}/objects/new")
    String createObject(@PathVariable("community") String slug, @PathVariable("id") long id, @RequestParam Map<String, String> form,
                        RedirectAttributes redirect) {
        GeoEditing.ObjectInput in = input(form);
        List<Long> stops = firstStops(form);
        if (!stops.isEmpty() && in.values().entrySet().stream()
                .noneMatch(e -> LOCATION.contains(e.getKey()) && !e.getValue().isBlank())) {
            MapObject route = routes.create(id, in, stops);
            redirect.addFlashAttribute("message", "geo.manage.saved");
            return "redirect:/" + slug + "/map/manage/routes/" + route.getId();
        }
        editing.saveObject(id, null, in);
        redirect.addFlashAttribute("message", "geo.manage.saved");
        return "redirect:/" + slug + "/map/manage/layers/" + id;
    }

    /** A new route's first and second stops as chosen on its form (blank choices left out). */
    private static List<Long> firstStops(Map<String, String> form) {
        List<Long> ids = new ArrayList<>();
        for (String field : List.of("first_stop", "second_stop")) {
            String v = form.getOrDefault(field, "").strip();
            if (!v.isEmpty()) {
                try {
                    ids.add(Long.parseLong(v));
                } catch (NumberFormatException e) {
                    throw Refusal.field("stop", "geo.error.routeStops");
                }
            }
        }
        return ids;
    }

    @PostMapping("/layers/{id:\\d+}/objects/{object:\\d+}")
    @Refusal.Back("/{community}/map/manage/layers/{id}/objects/{object}")
    String updateObject(@PathVariable("community") String slug, @PathVariable("id") long id, @PathVariable("object") long objectId,
                        @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        editing.saveObject(id, objectId, input(form));
        redirect.addFlashAttribute("message", "geo.manage.saved");
        return "redirect:/" + slug + "/map/manage/layers/" + id;
    }

    @PostMapping("/layers/{id:\\d+}/objects/{object:\\d+}/delete")
    @Refusal.Back("/{community}/map/manage/layers/{id}")
    String deleteObject(@PathVariable("community") String slug, @PathVariable("id") long id, @PathVariable("object") long objectId,
                        RedirectAttributes redirect) {
        editing.deleteObject(id, objectId);
        redirect.addFlashAttribute("message", "geo.manage.deleted");
        return "redirect:/" + slug + "/map/manage/layers/" + id;
    }

    private static GeoEditing.ObjectInput input(Map<String, String> form) {
        Map<String, String> values = new LinkedHashMap<>(form);
        values.remove("_csrf");
        values.remove("first_stop");
        values.remove("second_stop");
        return new GeoEditing.ObjectInput(values, null);
    }

    @PostMapping("/layers/{id:\\d+}/import")
    @Refusal.Back("/{community}/map/manage/layers/{id}")
    String importFile(@PathVariable("community") String slug, @PathVariable("id") long id, @RequestParam("file") MultipartFile file,
                      Model model, Locale locale) throws IOException {
        Layer layer = editing.requireEditable(id);
        if (file.isEmpty()) {
            throw Refusal.field("file", "geo.error.importEmpty");
        }
        if (file.getSize() > MAX_FILE) {
            throw Refusal.field("file", "geo.error.importTooLarge", GeoTransfer.MAX_ROWS);
        }
        String text = new String(file.getBytes(), StandardCharsets.UTF_8);
        String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename().toLowerCase(Locale.ROOT);
        GeoTransfer.Report report = name.endsWith(".csv") || (!text.stripLeading().startsWith("{"))
                ? transfer.importCsv(id, text) : transfer.importGeoJson(id, text);
        model.addAttribute("layer", layer);
        model.addAttribute("report", report);
        model.addAttribute("refused", report.refused().stream()
                .map(r -> new RefusedRow(r.row(), messages.getMessage(r.key(), r.args().toArray(), r.key(), locale))).toList());
        model.addAttribute("fileName", file.getOriginalFilename());
        return "geo/import-report";
    }


    @GetMapping("/routes/{id:\\d+}")
    String routeStops(@PathVariable("community") String slug, @PathVariable("id") long id, Model model) {
        model.addAttribute("route", routes.editableRoute(id));
        model.addAttribute("candidates", routes.candidates());
        return "geo/route-stops";
    }

    /**
     * Saves a route's stops from the form: the current stops with their order numbers (ties keep
     * the old order), minus those ticked for removal, plus the chosen new stop at the end.
     */
    @PostMapping("/routes/{id:\\d+}")
    @Refusal.Back("/{community}/map/manage/routes/{id}")
    String saveRouteStops(@PathVariable("community") String slug, @PathVariable("id") long id,
                          @RequestParam(name = "stop", required = false) @Nullable List<Long> stops,
                          @RequestParam(name = "position", required = false) @Nullable List<String> positions,
                          @RequestParam(name = "remove", required = false) @Nullable List<Long> remove,
                          @RequestParam(name = "add", required = false) @Nullable Long add, RedirectAttributes redirect) {
        List<Long> current = stops == null ? List.of() : stops;
        List<Ordered> order = new ArrayList<>();
        for (int i = 0; i < current.size(); i++) {
            if (remove != null && remove.contains(current.get(i))) {
                continue;
            }
            double at = i + 1;
            if (positions != null && i < positions.size()) {
                try {
                    at = Double.parseDouble(positions.get(i).strip());
                } catch (NumberFormatException e) {
                    throw Refusal.field("position", "geo.error.routePosition", positions.get(i));
                }
            }
            order.add(new Ordered(at, i, current.get(i)));
        }
        order.sort(Comparator.comparingDouble(Ordered::at).thenComparingInt(Ordered::index));
        List<Long> ids = new ArrayList<>(order.stream().map(Ordered::id).toList());
        if (add != null) {
            ids.add(add);
        }
        routes.setStops(id, ids);
        redirect.addFlashAttribute("message", "geo.manage.saved");
        return "redirect:/" + slug + "/map/manage/routes/" + id;
    }

    private static final String OBJECT = "/{community}/map/manage/layers/{id}/objects/{object}";

    @PostMapping("/layers/{id:\\d+}/objects/{object:\\d+}/events")
    @Refusal.Back(OBJECT)
    String addEvent(@PathVariable("community") String slug, @PathVariable("id") long id, @PathVariable("object") long objectId,
                    @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        events.add(id, objectId, new GeoEvents.Input(form.getOrDefault("title_uk", ""), form.getOrDefault("title_en", ""),
                dateTime(form.get("date"), form.get("starts")), dateTime(form.get("date"), form.get("ends")),
                form.get("event_description_uk"), form.get("event_description_en"), repeats(form.get("repeats")),
                date(form.get("repeats_until"))));
        redirect.addFlashAttribute("message", "geo.manage.eventAdded");
        return "redirect:/" + slug + "/map/manage/layers/" + id + "/objects/" + objectId;
    }

    private static @Nullable LocalDateTime dateTime(@Nullable String date, @Nullable String time) {
        if (date == null || date.isBlank() || time == null || time.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(date.strip()).atTime(LocalTime.parse(time.strip()));
        } catch (DateTimeParseException e) {
            throw Refusal.field("date", "geo.error.eventWhen");
        }
    }

    private static GeoEvents.Repeat repeats(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return GeoEvents.Repeat.NONE;
        }
        try {
            return GeoEvents.Repeat.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            throw Refusal.field("repeats", "geo.error.eventRepeats");
        }
    }

    private static @Nullable LocalDate date(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw Refusal.field("repeats_until", "geo.error.eventUntil", String.valueOf(GeoEvents.MAX_REPEAT_YEARS));
        }
    }

    @PostMapping("/layers/{id:\\d+}/objects/{object:\\d+}/events/{event:\\d+}/delete")
    @Refusal.Back(OBJECT)
    String deleteEvent(@PathVariable("community") String slug, @PathVariable("id") long id, @PathVariable("object") long objectId,
                       @PathVariable("event") long eventId, RedirectAttributes redirect) {
        events.delete(id, objectId, eventId);
        redirect.addFlashAttribute("message", "geo.manage.deleted");
        return "redirect:/" + slug + "/map/manage/layers/" + id + "/objects/" + objectId;
    }

    @PostMapping("/layers/{id:\\d+}/objects/{object:\\d+}/photos")
    @Refusal.Back(OBJECT)
    String addPhoto(@PathVariable("community") String slug, @PathVariable("id") long id, @PathVariable("object") long objectId,
                    @RequestParam(name = "photo", required = false) @Nullable MultipartFile photo,
                    @RequestParam(name = "alt_uk", defaultValue = "") String altUk, @RequestParam(name = "alt_en", defaultValue = "") String altEn,
                    RedirectAttributes redirect) throws IOException {
        List<FileStore.Upload> uploads = FileStore.uploads(photo == null ? null : List.of(photo));
        photos.add(id, objectId, uploads.isEmpty() ? null : uploads.get(0), altUk, altEn);
        redirect.addFlashAttribute("message", "geo.manage.photoAdded");
        return "redirect:/" + slug + "/map/manage/layers/" + id + "/objects/" + objectId;
    }

    @PostMapping("/layers/{id:\\d+}/objects/{object:\\d+}/photos/{photo:\\d+}/delete")
    @Refusal.Back(OBJECT)
    String deletePhoto(@PathVariable("community") String slug, @PathVariable("id") long id, @PathVariable("object") long objectId,
                       @PathVariable("photo") long photoId, RedirectAttributes redirect) {
        photos.delete(id, objectId, photoId);
        redirect.addFlashAttribute("message", "geo.manage.deleted");
        return "redirect:/" + slug + "/map/manage/layers/" + id + "/objects/" + objectId;
    }

    /** A stop as the form gives it: its new order number, its old place, its object. */
    private record Ordered(double at, int index, long id) {}

    /** A refused row of an import as the report shows it. */
    record RefusedRow(int row, String reason) {}
}
