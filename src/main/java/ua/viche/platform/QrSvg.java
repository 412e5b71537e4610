package ua.viche.platform;

import io.nayuki.qrcodegen.QrCode;

/**
 * A QR code as inline SVG markup (black modules on white, with the quiet zone), safe under a strict
 * CSP: a booking's code, a sight's plate. The label is the image's accessible name.
 */
public final class QrSvg {

    private QrSvg() {}

    /** The code for {@code text}, drawn {@code pixels} wide and high. */
    public static String of(String text, String label, int pixels) {
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        int border = 4;
        int size = qr.size + border * 2;
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                if (qr.getModule(x, y)) {
                    path.append('M').append(x + border).append(',').append(y + border).append("h1v1h-1z");
                }
            }
        }
        String safeLabel = label.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr\" role=\"img\" aria-label=\"" + safeLabel
                + "\" viewBox=\"0 0 " + size + " " + size + "\" width=\"" + pixels + "\" height=\"" + pixels + "\" shape-rendering=\"crispEdges\">"
                + "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path d=\"" + path + "\" fill=\"#000\"/></svg>";
    }
}
