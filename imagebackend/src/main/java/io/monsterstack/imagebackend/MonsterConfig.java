package io.monsterstack.imagebackend;

import static io.monsterstack.service.RangeMessage.RANGE;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.hibernate.validator.constraints.Range;

/**
 * Limits of the image backend, each set by the variable its default names and checked at start: a
 * value out of range stops start-up with one line naming the variable, the value and the range.
 */
@ConfigMapping(prefix = "monster")
public interface MonsterConfig {

    /**
     * Largest image side in pixels; a larger size, width or height is answered with 400. At least
     * 1024, the largest MONSTER_SIZE the frontend may ask for. At most 2048: a PNG is about side²/80
     * bytes, rendering one takes up to 3.5 times that on each event loop (the ZlibWriter buffer,
     * its doubling copy, the PNG), and every response waits in the 16 MB of direct memory until
     * its client reads it. At 2048 that is 47 KB, ~340 responses in flight; at 8192 (0.8 MB) twenty
     * slow clients would fill it, and at 32766 a single render (13 MB) overflows the 32 MB heap.
     */
    @WithDefault("${MONSTER_MAX_SIZE:1024}")
    @Range(min = 1024, max = 2048, message = "(MONSTER_MAX_SIZE)" + RANGE)
    int maxSize();

    /**
     * Longest name in Unicode code points; a longer name is answered with 414. At least 256, the
     * longest MONSTER_NAME_MAX_LENGTH the frontend may pass on; at most 1024, as the 4096-byte
     * request line refuses most longer names anyway once they are percent-encoded.
     */
    @WithDefault("${MONSTER_MAX_NAME_LENGTH:256}")
    @Range(min = 256, max = 1024, message = "(MONSTER_MAX_NAME_LENGTH)" + RANGE)
    int maxNameLength();
}
