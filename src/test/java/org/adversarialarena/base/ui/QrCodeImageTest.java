package org.adversarialarena.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.LuminanceSource;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class QrCodeImageTest {

    private static final String URI = "otpauth://totp/Adversarial%20Arena:ada%40example.org?secret=JBSWY3DPEHPK3PXP"
            + "&issuer=Adversarial%20Arena&algorithm=SHA1&digits=6&period=30";

    @Test
    void theSvgReadsBackAsTheOtpauthLink() throws Exception {
        String url = QrCodeImage.svgDataUrl(URI);
        assertThat(url).startsWith("data:image/svg+xml;base64,");
        String svg = new String(Base64.getDecoder().decode(url.substring(url.indexOf(',') + 1)), StandardCharsets.UTF_8);

        BitMatrix modules = modules(svg);
        int scale = 4;
        int size = modules.getWidth() * scale;
        int[] pixels = new int[size * size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                pixels[y * size + x] = modules.get(x / scale, y / scale) ? 0xff000000 : 0xffffffff;
            }
        }
        LuminanceSource source = new RGBLuminanceSource(size, size, pixels);
        assertThat(new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source))).getText()).isEqualTo(URI);
    }

    /** The dark modules the SVG path draws, one "Mx yh1v1h-1z" square each. */
    private static BitMatrix modules(String svg) {
        Matcher box = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"").matcher(svg);
        assertThat(box.find()).isTrue();
        BitMatrix matrix = new BitMatrix(Integer.parseInt(box.group(1)), Integer.parseInt(box.group(2)));
        Matcher square = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z").matcher(svg);
        while (square.find()) {
            matrix.set(Integer.parseInt(square.group(1)), Integer.parseInt(square.group(2)));
        }
        return matrix;
    }
}
