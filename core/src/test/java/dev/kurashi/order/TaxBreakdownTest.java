package dev.kurashi.order;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TaxBreakdownTest {

    @Test
    void oneRoundingPerRateOverTheSumOfItsLines() {
        // 8 %: 1,080 × 2 + 1,296 = 3,456 → 3,456 × 8 / 108 = 256
        // 10 %: 2,200 + 550 shipping = 2,750 → 2,750 × 10 / 110 = 250
        List<TaxBreakdown.Rate> rates = TaxBreakdown.of(
                List.of(
                        new TaxBreakdown.Amount((short) 8, 2160),
                        new TaxBreakdown.Amount((short) 10, 2200),
                        new TaxBreakdown.Amount((short) 8, 1296)),
                550);
        assertEquals(
                List.of(new TaxBreakdown.Rate((short) 10, 2750, 250), new TaxBreakdown.Rate((short) 8, 3456, 256)),
                rates);
    }

    @Test
    void roundsDownOnceNotPerLine() {
        // per line: floor(105 × 8 / 108) = 7, three times = 21; once over 315: floor(23.33) = 23
        List<TaxBreakdown.Rate> rates = TaxBreakdown.of(
                List.of(
                        new TaxBreakdown.Amount((short) 8, 105),
                        new TaxBreakdown.Amount((short) 8, 105),
                        new TaxBreakdown.Amount((short) 8, 105)),
                0);
        assertEquals(List.of(new TaxBreakdown.Rate((short) 8, 315, 23)), rates);
    }

    @Test
    void shippingAloneIsTaxedAtTheStandardRate() {
        List<TaxBreakdown.Rate> rates = TaxBreakdown.of(List.of(new TaxBreakdown.Amount((short) 8, 1000)), 550);
        assertEquals(
                List.of(new TaxBreakdown.Rate((short) 10, 550, 50), new TaxBreakdown.Rate((short) 8, 1000, 74)), rates);
    }
}
