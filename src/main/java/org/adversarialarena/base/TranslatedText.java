package org.adversarialarena.base;

import java.util.Arrays;

/**
 * A text a lower layer has to say, as a translation key with its arguments rather than in English: given
 * as an argument of another text (e.g. the reason in "The image was not accepted: {0}"), the app's
 * translation provider translates it first, in the reader's language.
 */
public record TranslatedText(String key, Object... arguments) {

    public TranslatedText {
        arguments = arguments.clone();
    }

    @Override
    public Object[] arguments() {
        return arguments.clone();
    }

    /** Equal when the key and the arguments are: a record alone would compare the array's identity. */
    @Override
    public boolean equals(Object other) {
        return other instanceof TranslatedText text && key.equals(text.key) && Arrays.equals(arguments, text.arguments);
    }

    @Override
    public int hashCode() {
        return 31 * key.hashCode() + Arrays.hashCode(arguments);
    }

    @Override
    public String toString() {
        return key + Arrays.toString(arguments);
    }
}
