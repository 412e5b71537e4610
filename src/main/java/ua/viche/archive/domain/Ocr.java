package ua.viche.archive.domain;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Optical character recognition through the Tesseract command line
 * ({@code tesseract <image> stdout -l ukr+rus}). The program is an ordinary system package; when it
 * is missing the page is kept and marked as having no engine, never lost.
 */
public record Ocr(String command, String languages, Duration timeout) {

    /** What came of reading one image. */
    public record Result(Page.TextStatus status, String text) {}

    public Result read(byte[] png) {
        Path image = null;
        Path output = null;
        try {
            image = Files.createTempFile("viche-ocr-", ".png");
            output = Files.createTempFile("viche-ocr-", ".txt");
            Files.write(image, png);
            Process process;
            try {
                process = new ProcessBuilder(List.of(command, image.toString(), "stdout", "-l", languages))
                        .redirectOutput(output.toFile())
                        .redirectError(ProcessBuilder.Redirect.DISCARD)
                        .start();
            } catch (IOException e) {
                return new Result(Page.TextStatus.NO_ENGINE, "");
            }
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return new Result(Page.TextStatus.FAILED, "");
            }
            if (process.exitValue() != 0) {
                return new Result(Page.TextStatus.FAILED, "");
            }
            return new Result(Page.TextStatus.DONE, Files.readString(output, StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            return new Result(Page.TextStatus.FAILED, "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(Page.TextStatus.FAILED, "");
        } finally {
            delete(image);
            delete(output);
        }
    }

    private static void delete(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // a temporary file left behind is harmless
            }
        }
    }
}
