package ua.viche.opendata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import ua.viche.IntegrationTest;
import ua.viche.identity.AccountDeleted;
import ua.viche.identity.AssuranceLevel;
import ua.viche.identity.Identity;
import ua.viche.identity.PersonalData;
import ua.viche.opendata.domain.Frequency;
import ua.viche.opendata.domain.Licence;
import ua.viche.opendata.domain.Register;
import ua.viche.opendata.domain.Theme;
import ua.viche.platform.Communities;
import ua.viche.platform.CurrentCommunity;

/**
 * The portal's personal-data hooks: a dataset whose contact is a person's own address is in that
 * person's export, and when their account is deleted the address is taken off the dataset, the API
 * and the catalogue.
 */
@IntegrationTest
class OpendataPrivacyTest {

    private static final String ADMIN = "admin@kropyvnytskyi.demo";

    @Autowired List<PersonalData> modules;
    @Autowired Register register;
    @Autowired Identity identity;
    @Autowired Communities communities;
    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;

    private String maintainerEmail(String name) throws Exception {
        String body = mvc.perform(get("/kropyvnytskyi/api/3/action/package_show").param("id", name)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return JsonPath.read(body, "$.result.maintainer_email");
    }

    @Test
    void aPersonsOwnContactAddressIsExportedAndTakenOffWhenTheirAccountIsDeleted() throws Exception {
        PersonalData portal = modules.stream().filter(m -> m.getClass().getPackageName().startsWith("ua.viche.opendata")).findFirst()
                .orElseThrow();
        long n = System.nanoTime();
        String email = "kontakt-" + n + "@kropyvnytskyi.demo";
        String name = "contact-" + n;
        CurrentCommunity.runAs(communities.bySlug("kropyvnytskyi").orElseThrow(), () -> identity.callAs(ADMIN, () -> {
            register.create(new Register.Input(name, "Набір з контактною особою", "Dataset with a contact person", "Опис", "", "контакт",
                    Theme.GOVE, "", Licence.CC_BY_4_0, Frequency.ANNUAL, null, email, null, null, "Кропивницький", name));
            return register.upload(name, null, "data.csv", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));
        }));
        assertThat(maintainerEmail(name)).isEqualTo(email);
        Identity.PersonRef person = new Identity.PersonRef(0, 0, "Контактна особа", email.toUpperCase(Locale.ROOT), AssuranceLevel.NONE, null);

        List<PersonalData.Item> items = portal.export(person, Locale.ENGLISH);
        assertThat(items).singleElement().satisfies(i -> {
            assertThat(i.kind()).isEqualTo("opendata-contact");
            assertThat(i.title()).isEqualTo("Contact person of the dataset “Dataset with a contact person”");
            assertThat(i.url()).isEqualTo("/kropyvnytskyi/opendata/" + name);
        });
        assertThat(portal.export(new Identity.PersonRef(0, 0, "Інша особа", "someone-else-" + n + "@kropyvnytskyi.demo", AssuranceLevel.NONE, null),
                Locale.ENGLISH)).isEmpty();

        PersonalData.Erasure erasure = portal.erase(new AccountDeleted(0, 0, email));
        assertThat(erasure.keptRecords()).isEmpty();
        assertThat(jdbc.queryForObject("select contact_email from opendata_dataset where name = ?", String.class, name)).isNull();
        assertThat(maintainerEmail(name)).isNull();
        assertThat(mvc.perform(get("/kropyvnytskyi/catalog.ttl")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .doesNotContain(email);
        assertThat(portal.export(person, Locale.ENGLISH)).isEmpty();
    }
}
