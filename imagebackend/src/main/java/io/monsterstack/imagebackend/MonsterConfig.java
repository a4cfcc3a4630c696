package io.monsterstack.imagebackend;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of the image backend. */
@ConfigMapping(prefix = "monster")
public interface MonsterConfig {

    /** Largest image side in pixels (32767 at most); a larger size, width or height is answered with 400. */
    @WithDefault("1024")
    int maxSize();

    /** Longest name in Unicode code points; a longer name is answered with 414. */
    @WithDefault("256")
    int maxNameLength();
}
