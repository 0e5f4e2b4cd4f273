package org.adversarialarena.jobs;

/** How a running GAN run takes its steps (the Lab's controls). */
public enum RunPace {
    /** As fast as the worker can. */
    FREE,
    /** One iteration a second, with fresh samples and meters after each. */
    SLOW,
    /** Held on its worker, in memory, taking only the single D or G steps its owner orders. */
    HELD
}
