package ua.viche.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.GpsDirectory;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import ua.viche.IntegrationTest;

/**
 * Uploaded images are published upright and without metadata (no GPS position of a resident's
 * home), and stored files are served with a type from their content, nosniff and a safe name;
 * anything that is not a raster image or PDF is never shown inline.
 */
@IntegrationTest
class UploadsTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired Communities communities;
    @Autowired FileStore files;
    @Autowired VicheSettings settings;

    /** A 40×20 JPEG, left half red and right half blue, with EXIF orientation 6 and a GPS position. */
    static byte[] jpegWithGpsTurnedRight() throws Exception {
        BufferedImage image = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, 20, 20);
        g.setColor(Color.BLUE);
        g.fillRect(20, 0, 20, 20);
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", plain);
        byte[] jpeg = plain.toByteArray();
        // TIFF structure (big-endian): IFD0 with Orientation = 6 and a pointer to the GPS IFD; GPS latitude N 48° 30' 36"
        ByteBuffer tiff = ByteBuffer.allocate(92);
        tiff.put(new byte[] {'M', 'M', 0, 42}).putInt(8);
        tiff.putShort((short) 2);
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) 6).putShort((short) 0);
        tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(38);
        tiff.putInt(0);
        tiff.putShort((short) 2);
        tiff.putShort((short) 0x0001).putShort((short) 2).putInt(2).put(new byte[] {'N', 0, 0, 0});
        tiff.putShort((short) 0x0002).putShort((short) 5).putInt(3).putInt(68);
        tiff.putInt(0);
        tiff.putInt(48).putInt(1).putInt(30).putInt(1).putInt(36).putInt(1);
        byte[] exif = ByteBuffer.allocate(6 + 92).put("Exif\0\0".getBytes(StandardCharsets.US_ASCII)).put(tiff.array()).array();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2); // SOI
        out.write(0xFF);
        out.write(0xE1);
        out.write((exif.length + 2) >> 8);
        out.write((exif.length + 2) & 0xFF);
        out.write(exif);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    private String report(byte[] photo) throws Exception {
        long category = jdbc.queryForObject("select c.id from problem_category c join community m on m.id = c.community_id"
                + " where m.slug = 'kropyvnytskyi' and c.code = 'lighting'", Long.class);
        String location = mvc.perform(multipart("/kropyvnytskyi/problems").file(new MockMultipartFile("photos", "IMG_0412.jpg",
                                "image/jpeg", photo))
                        .param("idempotencyKey", UUID.randomUUID().toString()).param("categoryId", String.valueOf(category))
                        .param("latitude", String.valueOf(48.455 + Math.random() * 0.02))
                        .param("longitude", String.valueOf(32.155 + Math.random() * 0.02))
                        .param("address", "вул. Тестова, 7").param("description", "Ліхтар біля мого будинку не світить.")
                        .param("confirmDuplicates", "true").with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        return mvc.perform(get(location)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString()
                .replaceAll("(?s).*src=\"(/kropyvnytskyi/problems/\\d+/photos/\\d+)\".*", "$1");
    }

    @Test
    void aPhotoIsStoredUprightWithoutExifOrGps() throws Exception {
        byte[] original = jpegWithGpsTurnedRight();
        Metadata before = ImageMetadataReader.readMetadata(new ByteArrayInputStream(original));
        assertThat(before.getFirstDirectoryOfType(GpsDirectory.class)).isNotNull();
        assertThat(before.getFirstDirectoryOfType(ExifIFD0Directory.class).getInt(ExifIFD0Directory.TAG_ORIENTATION)).isEqualTo(6);

        String photo = report(original);
        MockHttpServletResponse response = mvc.perform(get(photo)).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/jpeg"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff")).andReturn().getResponse();
        assertThat(response.getHeader("Content-Disposition")).startsWith("inline;");
        byte[] served = response.getContentAsByteArray();
        // what is stored is what is served
        String key = jdbc.queryForObject("select storage_key from attachment where id = ?", String.class,
                Long.parseLong(photo.substring(photo.lastIndexOf('/') + 1)));
        assertThat(Files.readAllBytes(settings.dataDir().resolve("files").resolve(key))).isEqualTo(served);

        Metadata after = ImageMetadataReader.readMetadata(new ByteArrayInputStream(served));
        assertThat(after.getFirstDirectoryOfType(GpsDirectory.class)).isNull();
        assertThat(after.getFirstDirectoryOfType(ExifIFD0Directory.class)).isNull();
        assertThat(new String(served, StandardCharsets.ISO_8859_1)).doesNotContain("Exif");
        // turned 90° clockwise: 20 wide, 40 tall, the red half (left) now on top
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(served));
        assertThat(image.getWidth()).isEqualTo(20);
        assertThat(image.getHeight()).isEqualTo(40);
        assertThat(new Color(image.getRGB(10, 5)).getRed()).isGreaterThan(200);
        assertThat(new Color(image.getRGB(10, 5)).getBlue()).isLessThan(60);
        assertThat(new Color(image.getRGB(10, 35)).getBlue()).isGreaterThan(200);
        assertThat(new Color(image.getRGB(10, 35)).getRed()).isLessThan(60);
    }

    @Test
    void htmlDisguisedAsAnImageIsRefusedAndIfStoredIsOnlyEverADownload() throws Exception {
        byte[] html = "<html><body><script>alert(document.cookie)</script></body></html>".getBytes(StandardCharsets.UTF_8);
        long before = jdbc.queryForObject("select count(*) from attachment", Long.class);
        mvc.perform(multipart("/kropyvnytskyi/problems").file(new MockMultipartFile("photos", "photo.jpg", "image/jpeg", html))
                        .param("idempotencyKey", UUID.randomUUID().toString()).param("description", "Ліхтар").with(csrf()))
                .andExpect(status().isOk());
        assertThat(jdbc.queryForObject("select count(*) from attachment", Long.class)).isEqualTo(before);

        // a file stored earlier under an image's type (as before the types were checked by content)
        String photo = report(jpegWithGpsTurnedRight());
        long photoId = Long.parseLong(photo.substring(photo.lastIndexOf('/') + 1));
        Community k = communities.bySlug("kropyvnytskyi").orElseThrow();
        String key = CurrentCommunity.callAs(k, () -> {
            try {
                return files.put(html);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        jdbc.update("update attachment set storage_key = ?, content_type = 'image/jpeg' where id = ?", key, photoId);
        MockHttpServletResponse response = mvc.perform(get(photo)).andExpect(status().isOk())
                .andExpect(header().string("X-Content-Type-Options", "nosniff")).andReturn().getResponse();
        assertThat(response.getContentType()).startsWith("text/html");
        assertThat(response.getHeader("Content-Disposition")).startsWith("attachment;");
    }

    @Test
    void namesAreSafeAndOnlyImagesAndPdfAreInline() {
        String d = FileStore.disposition(false, "C:\\Users\\olena\\..\\Заява\r\nSet-Cookie: x=1\";.pdf");
        assertThat(d).startsWith("attachment; filename=\"").doesNotContain("\r").doesNotContain("\n").doesNotContain("\\")
                .doesNotContain("Users").contains("filename*=UTF-8''%D0%97%D0%B0%D1%8F%D0%B2%D0%B0");
        assertThat(d.substring(d.indexOf('"') + 1, d.lastIndexOf('"'))).doesNotContain("\"").doesNotContain(";");
        assertThat(FileStore.disposition(false, "../../")).isEqualTo("attachment; filename=\"file\"; filename*=UTF-8''file");
        assertThat(FileStore.INLINE).contains("image/jpeg", "image/png", "application/pdf")
                .doesNotContain("text/html", "image/svg+xml", "application/xhtml+xml");
    }
}
