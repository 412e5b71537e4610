package ua.viche.monitoring.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ua.viche.monitoring.domain.ComputedFigures;
import ua.viche.monitoring.domain.Entry;
import ua.viche.monitoring.domain.Figure;
import ua.viche.monitoring.domain.FigureReporting;
import ua.viche.monitoring.domain.IndicatorReporting;
import ua.viche.monitoring.domain.Programme;
import ua.viche.monitoring.domain.ProgrammeImport;
import ua.viche.monitoring.domain.ProgrammeService;
import ua.viche.monitoring.domain.Task;
import ua.viche.monitoring.domain.TaskReporting;
import ua.viche.platform.AccessControl;
import ua.viche.platform.Attachments;
import ua.viche.platform.FileStore;
import ua.viche.platform.Communities;
import ua.viche.platform.NotFoundException;
import ua.viche.platform.Refusal;
import ua.viche.platform.Role;

/**
 * The programme's reporting pages: departments enter their figures' quarterly values, the coordinator
 * accepts or returns them; a figure's history. Officials and community admins only.
 */
@Controller
@RequestMapping("/{community}/programme/manage")
class ProgrammeManageController {

    /** A field of the actual spend: {@code actual-<year>-<source>}. */
    private static final Pattern SPENT = Pattern.compile("actual-(\\d{4})-(city|state|ita|other)");
    /** A field of an indicator's actual value: {@code actual-<year>}. */
    private static final Pattern ACTUAL = Pattern.compile("actual-(\\d{4})");

    private final ProgrammeService programmes;
    private final FigureReporting reporting;
    private final AccessControl access;
    private final Communities communities;
    private final ProgrammeImport imports;
    private final TaskReporting tasks;
    private final ComputedFigures computed;
    private final Attachments attachments;
    private final IndicatorReporting indicators;

    ProgrammeManageController(ProgrammeService programmes, FigureReporting reporting, AccessControl access, Communities communities,
                              ProgrammeImport imports, TaskReporting tasks, ComputedFigures computed, Attachments attachments,
                              IndicatorReporting indicators) {
        this.indicators = indicators;
        this.attachments = attachments;
        this.computed = computed;
        this.tasks = tasks;
        this.imports = imports;
        this.programmes = programmes;
        this.reporting = reporting;
        this.access = access;
        this.communities = communities;
    }

    @GetMapping
    String dashboard(@PathVariable("community") String slug, Model model) {
        access.require(Role.OFFICIAL, Role.COMMUNITY_ADMIN);
        Programme programme = current();
        model.addAttribute("programme", programme);
        model.addAttribute("lines", reporting.dashboard(programme));
        model.addAttribute("coordinator", reporting.coordinates(programme));
        model.addAttribute("quarter", reporting.reportingQuarter(programme));
        model.addAttribute("due", reporting.due(reporting.reportingQuarter(programme)));
        model.addAttribute("departments", communities.departments());
        return "monitoring/manage";
    }

    @GetMapping("/figures/{code:[A-Za-z0-9.]+}")
    String figure(@PathVariable("community") String slug, @PathVariable("code") String code, Model model) {
        access.require(Role.OFFICIAL, Role.COMMUNITY_ADMIN);
        Programme programme = current();
        Figure figure = reporting.figure(programme.getId(), code).orElseThrow(() -> new NotFoundException("monitoring.notFound"));
        model.addAttribute("programme", programme);
        model.addAttribute("figure", figure);
        List<Entry> history = reporting.history(figure.getId());
        model.addAttribute("history", history);
        model.addAttribute("documents", reporting.documents(history));
        if (figure.getComputed() != null) {
            model.addAttribute("computed", computed.definition(figure.getComputed()).orElse(null));
            model.addAttribute("actuals", reporting.actuals(programme.getId()).getOrDefault(code, Map.of()));
            model.addAttribute("today", reporting.today());
            model.addAttribute("computedAt", reporting.now());
        }
        model.addAttribute("mayEnter", reporting.mayEnter(programme, figure));
        model.addAttribute("coordinator", reporting.coordinates(programme));
        model.addAttribute("quarter", reporting.reportingQuarter(programme));
        return "monitoring/figure";
    }

    @GetMapping("/import")
    String importForm(@PathVariable("community") String slug, Model model) {
        access.require(Role.COMMUNITY_ADMIN);
        model.addAttribute("departments", communities.departments());
        model.addAttribute("year", reporting.today().getYear());
        return "monitoring/import";
    }

    /** Loads a programme from a spreadsheet: all of it, or nothing with every refused row listed. */
    @PostMapping("/import")
    @Refusal.Back("/{community}/programme/manage/import")
    String importProgramme(@PathVariable("community") String slug, @RequestParam("titleUk") String titleUk,
                           @RequestParam(name = "titleEn", defaultValue = "") String titleEn,
                           @RequestParam("firstYear") int firstYear, @RequestParam("lastYear") int lastYear,
                           @RequestParam(name = "decision", defaultValue = "") String decision,
                           @RequestParam(name = "coordinator", defaultValue = "") String coordinator,
                           @RequestParam("file") MultipartFile file, RedirectAttributes redirect) throws IOException {
        access.require(Role.COMMUNITY_ADMIN);
        if (file.isEmpty()) {
            throw Refusal.field("file", "monitoring.error.spreadsheet");
        }
        ProgrammeImport.Tables tables;
        try (InputStream in = file.getInputStream()) {
            tables = ProgrammeImport.tables(in);
        }
        imports.load(new ProgrammeImport.Header(titleUk, titleEn, firstYear, lastYear, decision, coordinator), tables);
        redirect.addFlashAttribute("message", "monitoring.imported");
        return "redirect:/" + slug + "/programme";
    }

    @PostMapping("/entries")
    @Refusal.Back("/{community}/programme/manage")
    String enter(@PathVariable("community") String slug, @RequestParam("figure") long figureId, @RequestParam("year") int year,
                 @RequestParam("quarter") int quarter, @RequestParam("value") String value,
                 @RequestParam(name = "comment", defaultValue = "") String comment,
                 @RequestParam(name = "document", required = false) @Nullable MultipartFile document, RedirectAttributes redirect) throws IOException {
        access.require(Role.OFFICIAL, Role.COMMUNITY_ADMIN);
        reporting.enter(figureId, year, quarter, value, comment, FileStore.uploads(document == null ? null : List.of(document)));
        redirect.addFlashAttribute("message", "monitoring.entered");
        return "redirect:/" + slug + "/programme/manage";
    }

    @PostMapping("/entries/{id:\\d+}/accept")
    @Refusal.Back("/{community}/programme/manage")
    String accept(@PathVariable("community") String slug, @PathVariable("id") long id, RedirectAttributes redirect) {
        access.require(Role.OFFICIAL, Role.COMMUNITY_ADMIN);
        reporting.accept(id);
        redirect.addFlashAttribute("message", "monitoring.accepted");
        return "redirect:/" + slug + "/programme/manage";
    }

    @PostMapping("/entries/{id:\\d+}/return")
    @Refusal.Back("/{community}/programme/manage")
    String giveBack(@PathVariable("community") String slug, @PathVariable("id") long id,
                    @RequestParam(name = "reason", defaultValue = "") String reason, RedirectAttributes redirect) {
        access.require(Role.OFFICIAL, Role.COMMUNITY_ADMIN);
        reporting.giveBack(id, reason);
        redirect.addFlashAttribute("message", "monitoring.returned");
        return "redirect:/" + slug + "/programme/manage";
    }

    /** An entry's supporting document, for officials and community admins. */
    @GetMapping("/entries/{id:\\d+}/documents/{document:\\d+}")
    ResponseEntity<InputStreamResource> document(@PathVariable("community") String slug, @PathVariable("id") long id,
                                                 @PathVariable("document") long document) throws IOException {
        access.require(Role.OFFICIAL, Role.COMMUNITY_ADMIN);
        return attachments.download(reporting.document(id, document), CacheControl.noStore());
    }

    /** Records a task's progress and a year's actual spend; back to the task's page. */
    @PostMapping("/tasks/{code:[0-9.]+}")
    @Refusal.Back("/{community}/programme/tasks/{code}")
    String recordTask(@PathVariable("community") String slug, @PathVariable("code") String code, @RequestParam("task") long taskId,
                      @RequestParam("status") Task.Status status, @RequestParam(name = "progress", defaultValue = "") String progress,
                      @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        access.require(Role.OFFICIAL, Role.COMMUNITY_ADMIN);
        Map<Integer, Map<Task.Source, String>> spent = new TreeMap<>();
        form.forEach((name, value) -> {
            Matcher m = SPENT.matcher(name);
            if (m.matches()) {
                spent.computeIfAbsent(Integer.parseInt(m.group(1)), y -> new EnumMap<>(Task.Source.class))
                        .put(Task.Source.valueOf(m.group(2).toUpperCase(Locale.ROOT)), value);
            }
        });
        tasks.record(taskId, status, progress, spent);
        redirect.addFlashAttribute("message", "monitoring.task.recorded");
        return "redirect:/" + slug + "/programme/tasks/" + code;
    }

    /** Records the actual values by year of an indicator without a formula; back to the indicator's page. */
    @PostMapping("/indicators/{code:[A-Za-z0-9.]+}")
    @Refusal.Back("/{community}/programme/indicators/{code}")
    String recordIndicator(@PathVariable("community") String slug, @PathVariable("code") String code,
                           @RequestParam("indicator") long indicatorId, @RequestParam Map<String, String> form,
                           RedirectAttributes redirect) {
        access.require(Role.OFFICIAL, Role.COMMUNITY_ADMIN);
        Map<Integer, String> values = new TreeMap<>();
        form.forEach((name, value) -> {
            Matcher m = ACTUAL.matcher(name);
            if (m.matches()) {
                values.put(Integer.parseInt(m.group(1)), value);
            }
        });
        indicators.record(indicatorId, values);
        redirect.addFlashAttribute("message", "monitoring.indicator.recorded");
        return "redirect:/" + slug + "/programme/indicators/" + code;
    }

    private Programme current() {
        return programmes.current().orElseThrow(() -> new NotFoundException("monitoring.notFound"));
    }
}
