package org.adversarialarena.jobs;

/** What a run trains. Only GANs run yet; the classifier kinds are refused at submission until their job exists. */
public enum RunKind {
    GAN,
    CLASSIFIER,
    ROBUST_CLASSIFIER
}
