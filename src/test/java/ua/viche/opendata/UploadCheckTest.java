package ua.viche.opendata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import ua.viche.opendata.domain.Format;
import ua.viche.opendata.domain.UploadCheck;

/** What the upload check accepts and refuses, each refusal named by row and column. */
class UploadCheckTest {

    private static UploadCheck.Report csv(String text) {
        return UploadCheck.check(Format.CSV, text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aGoodCsvPassesWithItsHeaderRowCountAndPreview() {
        UploadCheck.Report r = csv("\uFEFFid,назва,сума\n1,\"Школа, №1\",-12.5\n2,Ліцей,+380\n");
        assertThat(r.ok()).isTrue();
        assertThat(r.header()).containsExactly("id", "назва", "сума");
        assertThat(r.rows()).isEqualTo(2);
        assertThat(r.preview().get(0)).containsExactly("1", "Школа, №1", "-12.5");
    }

    @Test
    void aFileInWindows1251IsRefusedAsNotUtf8WithItsLine() {
        byte[] bytes = "id,назва\n1,Київ\n".getBytes(Charset.forName("windows-1251"));
        UploadCheck.Report r = UploadCheck.check(Format.CSV, bytes);
        assertThat(r.ok()).isFalse();
        assertThat(r.problems()).extracting(UploadCheck.Problem::key).containsExactly("opendata.check.encoding");
        assertThat(r.problems().get(0).args()).containsExactly("1");
    }

    @Test
    void raggedRowsAreNamedWithTheirWidth() {
        UploadCheck.Report r = csv("a,b,c\n1,2,3\n1,2\n1,2,3,4\n");
        assertThat(r.problems()).extracting(UploadCheck.Problem::key, UploadCheck.Problem::row)
                .containsExactly(tuple("opendata.check.ragged", 3), tuple("opendata.check.ragged", 4));
        assertThat(r.problems().get(0).args()).containsExactly("3", "2", "3");
    }

    @Test
    void formulaCellsAreRefusedButSignedNumbersAreNot() {
        UploadCheck.Report r = csv("a,b\n=SUM(A1:A2),1\n-5,@cmd\n+380 50 123 45 67,-1\n");
        assertThat(r.problems()).extracting(UploadCheck.Problem::key, UploadCheck.Problem::row, UploadCheck.Problem::column)
                .containsExactly(tuple("opendata.check.formula", 2, 1),
                        tuple("opendata.check.formula", 3, 2));
    }

    @Test
    void aBinaryFileNamedCsvIsRefusedAsBinary() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R'};
        assertThat(UploadCheck.check(Format.CSV, png).problems()).extracting(UploadCheck.Problem::key).containsExactly("opendata.check.binary");
    }

    @Test
    void headerFaultsEmptyFilesAndOpenQuotesAreRefused() {
        assertThat(csv("a,,a\n1,2,3\n").problems()).extracting(UploadCheck.Problem::key)
                .containsExactly("opendata.check.headerBlank", "opendata.check.headerDuplicate");
        assertThat(csv("a,b\na,b\n1,2\n").problems()).extracting(UploadCheck.Problem::key).contains("opendata.check.headerTwice");
        assertThat(csv("").problems()).extracting(UploadCheck.Problem::key).containsExactly("opendata.check.empty");
        assertThat(csv("a,b\n\"1,2\n").problems()).extracting(UploadCheck.Problem::key).containsExactly("opendata.check.quote");
        assertThat(csv("a,b\n1,2\n\n3,4\n").problems()).extracting(UploadCheck.Problem::key).containsExactly("opendata.check.blankRow");
    }

    @Test
    void jsonAndXmlMustParse() {
        assertThat(UploadCheck.check(Format.JSON, "{\"a\":1}".getBytes(StandardCharsets.UTF_8)).ok()).isTrue();
        assertThat(UploadCheck.check(Format.GEOJSON, "{\"type\":".getBytes(StandardCharsets.UTF_8)).ok()).isFalse();
        assertThat(UploadCheck.check(Format.XML, "<a><b/></a>".getBytes(StandardCharsets.UTF_8)).ok()).isTrue();
        assertThat(UploadCheck.check(Format.XML, "<!DOCTYPE a [<!ENTITY x \"y\">]><a>&x;</a>".getBytes(StandardCharsets.UTF_8)).ok()).isFalse();
    }

    @Test
    void geoJsonMustBeAnObjectOfAGeoJsonType() {
        assertThat(UploadCheck.check(Format.GEOJSON, "{\"type\":\"FeatureCollection\",\"features\":[]}".getBytes(StandardCharsets.UTF_8)).ok())
                .isTrue();
        assertThat(UploadCheck.check(Format.GEOJSON, "{\"type\":\"Point\",\"coordinates\":[32.26,48.51]}".getBytes(StandardCharsets.UTF_8)).ok())
                .isTrue();
        assertThat(UploadCheck.check(Format.GEOJSON, "{\"name\":\"зупинки\"}".getBytes(StandardCharsets.UTF_8)).problems())
                .extracting(UploadCheck.Problem::key).containsExactly("opendata.check.geojson");
        assertThat(UploadCheck.check(Format.GEOJSON, "[1, 2]".getBytes(StandardCharsets.UTF_8)).problems())
                .extracting(UploadCheck.Problem::key).containsExactly("opendata.check.geojson");
    }

    @Test
    void anXlsxMustOpenAsAWorkbookNotJustAnyZip() throws IOException {
        ByteArrayOutputStream workbook = new ByteArrayOutputStream();
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            book.createSheet("Дані").createRow(0).createCell(0).setCellValue("id");
            book.write(workbook);
        }
        assertThat(UploadCheck.check(Format.XLSX, workbook.toByteArray()).ok()).isTrue();
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("notes.txt"));
            out.write("not a spreadsheet".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        assertThat(UploadCheck.check(Format.XLSX, zip.toByteArray()).problems()).extracting(UploadCheck.Problem::key)
                .containsExactly("opendata.check.xlsx");
        assertThat(UploadCheck.check(Format.XLSX, "id,name\n".getBytes(StandardCharsets.UTF_8)).ok()).isFalse();
    }
}
