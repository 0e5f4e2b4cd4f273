package org.adversarialarena.jobs;

/** A single step ordered for a held run. */
public enum StepOrder {
    /** One step of the discriminator only: G stays as it is. */
    DISCRIMINATOR,
    /** One step of the generator only (a whole iteration's G part): D stays as it is. */
    GENERATOR
}
