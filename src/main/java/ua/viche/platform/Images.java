package ua.viche.platform;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import java.awt.geom.AffineTransform;
import java.awt.image.AffineTransformOp;
import java.awt.image.BufferedImage;
import java.awt.image.ImagingOpException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import org.jspecify.annotations.Nullable;

/**
 * Uploaded images made safe to publish: decoded, turned upright by their EXIF orientation, and
 * encoded again from the pixels alone, so no EXIF (GPS position, camera, time), XMP, IPTC or text
 * chunk of the original survives. Used by {@link FileStore} for every upload of every module.
 */
final class Images {

    /** The image types cleaned, with the ImageIO format each is written back in. */
    static final Map<String, String> FORMATS = Map.of("image/jpeg", "jpeg", "image/png", "png", "image/tiff", "tiff");

    /** Images larger than this (width × height) are refused before they are decoded. */
    static final long MAX_PIXELS = 40_000_000L;

    private static final float JPEG_QUALITY = 0.92f;

    private Images() {}

    static boolean cleaned(String contentType) {
        return FORMATS.containsKey(contentType);
    }

    /** Whether the bytes decode as an image of a sensible size (checked before anything is stored). */
    static boolean readable(byte[] content) {
        try {
            return decode(content) != null;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The image with its orientation applied to the pixels and no metadata. */
    static byte[] clean(byte[] content, String contentType) throws IOException {
        String format = FORMATS.get(contentType);
        BufferedImage image = format == null ? null : decode(content);
        if (image == null) {
            throw new IOException("not a readable image: " + contentType);
        }
        image = upright(image, orientation(content));
        if (format.equals("jpeg") && image.getColorModel().hasAlpha()) {
            BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
            rgb.createGraphics().drawImage(image, 0, 0, null);
            image = rgb;
        }
        return encode(image, format);
    }

    /** The EXIF orientation (1–8), 1 when the image has none. */
    static int orientation(byte[] content) {
        try {
            Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(content));
            for (ExifIFD0Directory d : metadata.getDirectoriesOfType(ExifIFD0Directory.class)) {
                if (d.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
                    int o = d.getInt(ExifIFD0Directory.TAG_ORIENTATION);
                    return o >= 1 && o <= 8 ? o : 1;
                }
            }
        } catch (Exception e) {
            // unreadable metadata: the pixels are taken as they are
        }
        return 1;
    }

    /** Turns the pixels as the EXIF orientation says the image is to be seen. */
    static BufferedImage upright(BufferedImage image, int orientation) {
        double w = image.getWidth();
        double h = image.getHeight();
        // (m00, m10, m01, m11, m02, m12): x' = m00·x + m01·y + m02, y' = m10·x + m11·y + m12
        AffineTransform t = switch (orientation) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);   // mirrored
            case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);  // upside down
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);   // mirrored upside down
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);    // transposed
            case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);   // to be turned 90° clockwise
            case 7 -> new AffineTransform(0, -1, -1, 0, h, w);  // transversed
            case 8 -> new AffineTransform(0, -1, 1, 0, 0, w);   // to be turned 90° anticlockwise
            default -> null;
        };
        if (t == null) {
            return image;
        }
        AffineTransformOp op = new AffineTransformOp(t, AffineTransformOp.TYPE_NEAREST_NEIGHBOR);
        try {
            return op.filter(image, null);
        } catch (ImagingOpException e) {
            // some sample layouts (e.g. grey or 16-bit) are not transformed directly: go through plain RGB(A)
            BufferedImage plain = new BufferedImage(image.getWidth(), image.getHeight(),
                    image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
            plain.createGraphics().drawImage(image, 0, 0, null);
            return op.filter(plain, null);
        }
    }

    private static @Nullable BufferedImage decode(byte[] content) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                if ((long) reader.getWidth(0) * reader.getHeight(0) > MAX_PIXELS) {
                    return null;
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        }
    }

    private static byte[] encode(BufferedImage image, String format) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (format.equals("jpeg")) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(JPEG_QUALITY);
            } else if (format.equals("tiff")) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionType("Deflate");
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
