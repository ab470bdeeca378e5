package org.faultline.coding.kb;

/**
 * A string that names a knowledge-base entry.
 *
 * @param text  the form, case as written
 * @param type  how it names the entry
 * @param entry the entry
 */
public record SurfaceForm(String text, FormType type, ActorEntry entry) {
}
