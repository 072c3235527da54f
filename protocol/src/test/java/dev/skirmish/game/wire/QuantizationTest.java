package dev.skirmish.game.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skirmish.game.GameConstants;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class QuantizationTest {

    @Test
    void positionsComeBackWithinHalfAStep() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 10_000; i++) {
            double units = random.nextDouble(0, GameConstants.MAX_WORLD_SIZE - 1);
            double back = Quantization.position(Quantization.positionCode(units));
            assertTrue(Math.abs(back - units) <= Quantization.POSITION_STEP / 2, units + " -> " + back);
        }
    }

    @Test
    void positionsOutsideTheWorldClamp() {
        assertEquals(0, Quantization.positionCode(-5));
        assertEquals(Quantization.MAX_POSITION_CODE, Quantization.positionCode(1e9));
    }

    @Test
    void anglesWrapIntoOneTurn() {
        int bits = 10;
        assertEquals(0, Quantization.angleCode(0, bits));
        assertEquals(0, Quantization.angleCode(2 * Math.PI, bits));
        assertEquals(Quantization.angleCode(Math.PI / 2, bits), Quantization.angleCode(Math.PI / 2 - 4 * Math.PI, bits));
        assertEquals(768, Quantization.angleCode(-Math.PI / 2, bits));
        double step = 2 * Math.PI / (1 << bits);
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 10_000; i++) {
            double angle = random.nextDouble(-20, 20);
            double back = Quantization.snapAngle(angle, bits);
            double error = Math.abs(Math.IEEEremainder(back - angle, 2 * Math.PI));
            assertTrue(error <= step / 2 + 1e-12, angle + " -> " + back);
        }
    }

    @Test
    void refusesNonFiniteValues() {
        assertThrows(IllegalArgumentException.class, () -> Quantization.positionCode(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Quantization.angleCode(Double.POSITIVE_INFINITY, 10));
        assertThrows(IllegalArgumentException.class, () -> Quantization.angle(1024, 10));
    }
}
