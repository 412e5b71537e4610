package ua.viche.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void writesRfc4180WithAByteOrderMarkAndDefusesFormulas() {
        String csv = new Csv()
                .row(List.of("id", "title"))
                .row(Arrays.asList(-5, null))
                .row(List.of(new BigDecimal("-1.50"), "=HYPERLINK(\"http://evil\")"))
                .row(List.of("+380", "рядок, з комою\nі другим рядком"))
                .toString();

        assertThat(csv).isEqualTo("\uFEFFid,title\r\n"
                + "-5,\r\n"
                + "-1.50,\"'=HYPERLINK(\"\"http://evil\"\")\"\r\n"
                + "'+380,\"рядок, з комою\nі другим рядком\"\r\n");
    }

    @Test
    void readsWhatItWritesAndKeepsBlankRows() {
        String csv = new Csv().row(List.of("a", "b")).row(List.of("1", "два \"2\"")).toString() + "\r\n" + "3,4\n";

        assertThat(Csv.read(csv)).containsExactly(List.of("a", "b"), List.of("1", "два \"2\""), List.of(""),
                List.of("3", "4"));
    }

    @Test
    void takesTheSemicolonWhenTheHeaderUsesItMore() {
        assertThat(Csv.read("код;назва;ціна\nA-1;\"Паспорт; ID-картка\";0,00\n"))
                .containsExactly(List.of("код", "назва", "ціна"), List.of("A-1", "Паспорт; ID-картка", "0,00"));
    }

    @Test
    void refusesAQuoteThatIsNeverClosedNamingItsRow() {
        assertThatThrownBy(() -> Csv.read("a,b\n1,2\n3,\"open\n4,5\n"))
                .isInstanceOfSatisfying(Csv.Malformed.class, e -> assertThat(e.row()).isEqualTo(3));
    }
}
