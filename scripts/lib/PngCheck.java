import java.awt.image.BufferedImage;
import java.io.File;

import javax.imageio.ImageIO;

/** Decodes each PNG given as argument and prints its size; exits 1 when one does not decode. */
public class PngCheck {

    public static void main(String[] files) throws Exception {
        for (String file : files) {
            BufferedImage image = ImageIO.read(new File(file));
            if (image == null) {
                System.err.println(file + ": not a decodable image");
                System.exit(1);
            }
            System.out.println(file + ": " + image.getWidth() + "x" + image.getHeight() + " PNG decoded");
        }
    }
}
