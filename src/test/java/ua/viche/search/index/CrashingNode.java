package ua.viche.search.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import ua.viche.VicheApplication;
import ua.viche.archive.domain.ArchiveFile;
import ua.viche.archive.domain.Fond;
import ua.viche.archive.domain.Holdings;
import ua.viche.archive.domain.Inventory;
import ua.viche.archive.domain.Page;
import ua.viche.identity.Identity;
import ua.viche.petitions.domain.Petition;
import ua.viche.petitions.domain.PetitionDrafting;
import ua.viche.petitions.domain.PetitionModeration;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.FileStore;

/**
 * The application in a process of its own, for {@link SearchAfterCrashTest}: {@code write <data> <marker>}
 * starts it with the outbox's processor off, commits a petition and an archive page with the marker
 * word, prints {@code committed} and waits to be killed; {@code read <data> <marker>} starts it
 * again, asks the search API for the word and prints what it found.
 */
public final class CrashingNode {

    private CrashingNode() {}

    public static void main(String[] args) throws Exception {
        String phase = args[0];
        List<String> arguments = new ArrayList<>(List.of("--viche.data-dir=" + args[1], "--server.port=0",
                "--viche.demo.enabled=true", "--viche.archive.ocr.interval=3600000", "--viche.page-cache.ttl=0s"));
        if (phase.equals("write")) {
            // nothing reaches the index in this process: the commit is all that happens before the kill
            arguments.add("--spring.jpa.properties.hibernate.search.coordination.event_processor.enabled=false");
        }
        ConfigurableApplicationContext context = SpringApplication.run(VicheApplication.class, arguments.toArray(String[]::new));
        String marker = args[2];
        if (phase.equals("write")) {
            write(context, marker);
            System.out.println("committed");
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        } else {
            String port = context.getEnvironment().getProperty("local.server.port");
            HttpResponse<String> found = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/api/v1/kropyvnytskyi/search?q=" + URLEncoder.encode(marker, StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString());
            System.out.println("found " + found.body());
            System.out.flush();
            context.close();
            System.exit(0);
        }
    }

    private static void write(ConfigurableApplicationContext context, String marker) {
        Community k = context.getBean(Communities.class).bySlug("kropyvnytskyi").orElseThrow();
        Identity identity = context.getBean(Identity.class);
        PetitionDrafting drafting = context.getBean(PetitionDrafting.class);
        PetitionModeration moderation = context.getBean(PetitionModeration.class);
        Holdings holdings = context.getBean(Holdings.class);
        FileStore store = context.getBean(FileStore.class);
        CurrentCommunity.runAs(k, () -> {
            Petition p = identity.callAs("olena.kovalenko@example.org", () -> drafting.draft("Ліхтарі на вулиці " + marker,
                    "Прошу встановити ліхтарі на вулиці " + marker + ", бо взимку там темно."));
            identity.callAs("olena.kovalenko@example.org", () -> drafting.submit(p.getId()));
            identity.callAs("moderator@kropyvnytskyi.demo", () -> moderation.publish(p.getId()));
            Fond fond = holdings.createFond(new Fond.Description("К-" + System.nanoTime() % 1_000_000, "Міська рада", null, null, "", ""));
            Inventory inventory = holdings.createInventory(fond.getId(), new Inventory.Description("1", "Опис", null, null));
            ArchiveFile file = holdings.createFile(inventory.getId(),
                    new ArchiveFile.Description("1", "Книга обліку", LocalDate.of(1961, 3, 1), null, 1, "uk", false));
            try {
                Page page = holdings.addPage(file.getId(), new Page.Scan(store.put(new byte[] {1}), "a.png", "image/png", 1, null));
                holdings.recordText(page.getId(), "Записано про вулицю " + marker, Page.Source.MANUAL);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
