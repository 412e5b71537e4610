package ua.viche.civic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import ua.viche.IntegrationTest;
import ua.viche.civic.domain.Edrpou;
import ua.viche.identity.Identity;
import ua.viche.identity.TestAccounts;
import ua.viche.identity.domain.AccountRepository;

/**
 * An organisation's logo: given at registration (PNG or JPEG, checked by content, up to 2 MB),
 * stored without its metadata, shown on the register and the profile with the organisation's name
 * as its text, its address in the JSON; changed or removed on the edit page by the registrant or
 * staff only, audited. Registering is audited too.
 */
@IntegrationTest
class OrganisationLogoTest {

    private static final String MODERATOR = "moderator@kropyvnytskyi.demo";

    @Autowired MockMvc mvc;
    @Autowired AccountRepository accounts;
    @Autowired JdbcTemplate jdbc;

    private static String resident(int n) {
        return Identity.demoResident("kropyvnytskyi", n);
    }

    private static String freshCode() {
        return Edrpou.complete(String.format("%07d", 3_100_000 + (int) (Math.abs(System.nanoTime()) % 2_000_000)));
    }

    /** A small PNG carrying a text chunk that tells where it was made. */
    static byte[] pngWithSecret() throws Exception {
        BufferedImage image = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 3, 0x3366cc);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        byte[] png = out.toByteArray();
        byte[] data = "Comment\0GPS 48.5079 32.2623 SECRET-PLACE".getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer chunk = ByteBuffer.allocate(12 + data.length);
        chunk.putInt(data.length).put("tEXt".getBytes(StandardCharsets.US_ASCII)).put(data);
        CRC32 crc = new CRC32();
        crc.update(chunk.array(), 4, 4 + data.length);
        chunk.putInt((int) crc.getValue());
        int afterHeader = 8 + 25; // signature, IHDR
        ByteBuffer all = ByteBuffer.allocate(png.length + chunk.capacity());
        all.put(png, 0, afterHeader).put(chunk.array()).put(png, afterHeader, png.length - afterHeader);
        return all.array();
    }

    private long audited(String action, long id) {
        return jdbc.queryForObject("select count(*) from audit_entry where action = ? and object_id = ?", Long.class, action, String.valueOf(id));
    }

    private long logos(long id) {
        return jdbc.queryForObject("select count(*) from attachment where owner_module = 'civic' and owner_kind = 'organisation-logo'"
                + " and owner_id = ?", Long.class, id);
    }

    @Test
    void aLogoIsStoredCleanShownWithTheNameAndChangedOnlyByTheRegistrantOrStaff() throws Exception {
        byte[] png = pngWithSecret();
        assertThat(new String(png, StandardCharsets.ISO_8859_1)).contains("SECRET-PLACE");
        String code = freshCode();
        String name = "ГО «Логотип " + code + "»";

        // a file that is not an image is refused and nothing is registered
        long before = jdbc.queryForObject("select count(*) from civic_organisation", Long.class);
        String refused = mvc.perform(multipart("/kropyvnytskyi/organisations").file(new MockMultipartFile("logo", "logo.png", "image/png",
                        "не зображення".getBytes(StandardCharsets.UTF_8))).with(csrf()).with(TestAccounts.as(accounts, resident(9)))
                        .param("name", name).param("edrpou", code).param("legalForm", "PUBLIC_ORGANISATION").param("fields", "DIGITAL"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("Логотип має бути зображенням PNG або JPEG");
        assertThat(jdbc.queryForObject("select count(*) from civic_organisation", Long.class)).isEqualTo(before);

        String location = mvc.perform(multipart("/kropyvnytskyi/organisations").file(new MockMultipartFile("logo", "my-logo.png", "image/png", png))
                        .with(csrf()).with(TestAccounts.as(accounts, resident(9)))
                        .param("name", name).param("edrpou", code).param("legalForm", "PUBLIC_ORGANISATION").param("fields", "DIGITAL"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        assertThat(audited("civic.organisation.registered", id)).isEqualTo(1);
        assertThat(logos(id)).isEqualTo(1);

        // pending: the logo is the registrant's to see, not the public's
        String own = mvc.perform(get(location).with(TestAccounts.as(accounts, resident(9)))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(own).contains("id=\"logo\"").contains("alt=\"" + name + "\"");
        String logoUrl = location + "/logo/" + jdbc.queryForObject("select id from attachment where owner_kind = 'organisation-logo' and owner_id = ?",
                Long.class, id);
        mvc.perform(get(logoUrl)).andExpect(status().isNotFound());

        mvc.perform(post("/kropyvnytskyi/organisations/" + id + "/verify").with(csrf()).with(TestAccounts.as(accounts, MODERATOR)))
                .andExpect(status().is3xxRedirection());
        assertThat(audited("civic.organisation.verified", id)).isEqualTo(1);

        // public: served as a PNG without the text chunk; on the register, the profile and in the JSON
        byte[] served = mvc.perform(get(logoUrl)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(ImageIO.read(new ByteArrayInputStream(served)).getWidth()).isEqualTo(40);
        assertThat(new String(served, StandardCharsets.ISO_8859_1)).doesNotContain("SECRET-PLACE").doesNotContain("tEXt");
        String register = mvc.perform(get("/kropyvnytskyi/organisations?q=" + code)).andReturn().getResponse().getContentAsString();
        assertThat(register).contains(logoUrl).contains("alt=\"" + name + "\"");
        assertThat(JsonPath.<String>read(mvc.perform(get("/api/v1/kropyvnytskyi/organisations/" + id)).andReturn().getResponse()
                .getContentAsString(), "$.logo")).isEqualTo(logoUrl);
        assertThat(JsonPath.<String>read(mvc.perform(get("/api/v1/kropyvnytskyi/organisations?q=" + code)).andReturn().getResponse()
                .getContentAsString(), "$.items[0].logo")).isEqualTo(logoUrl);

        // someone else may neither open the edit page nor change the logo
        mvc.perform(get(location + "/edit").with(TestAccounts.as(accounts, resident(7)))).andExpect(status().isForbidden());
        mvc.perform(multipart(location + "/logo").file(new MockMultipartFile("logo", "x.png", "image/png", png))
                .with(csrf()).with(TestAccounts.as(accounts, resident(7)))).andExpect(status().isForbidden());
        assertThat(audited("civic.organisation.logoChanged", id)).isZero();

        // the registrant: a bad file changes nothing; a new logo replaces the old; staff remove it
        mvc.perform(get(location + "/edit").with(TestAccounts.as(accounts, resident(9)))).andExpect(status().isOk());
        mvc.perform(multipart(location + "/logo").file(new MockMultipartFile("logo", "x.png", "image/png", new byte[] {1, 2, 3}))
                .with(csrf()).with(TestAccounts.as(accounts, resident(9)))).andExpect(status().is3xxRedirection());
        assertThat(mvc.perform(get(logoUrl)).andReturn().getResponse().getStatus()).isEqualTo(200);
        mvc.perform(multipart(location + "/logo").file(new MockMultipartFile("logo", "x.png", "image/png", png))
                .with(csrf()).with(TestAccounts.as(accounts, resident(9)))).andExpect(status().is3xxRedirection());
        assertThat(logos(id)).isEqualTo(1);
        mvc.perform(get(logoUrl)).andExpect(status().isNotFound());
        assertThat(audited("civic.organisation.logoChanged", id)).isEqualTo(1);
        mvc.perform(post(location + "/logo").param("dropLogo", "true").with(csrf()).with(TestAccounts.as(accounts, MODERATOR)))
                .andExpect(status().is3xxRedirection());
        assertThat(logos(id)).isZero();
        assertThat(audited("civic.organisation.logoRemoved", id)).isEqualTo(1);
    }
}
