package org.giaoban.platform.text;

import java.text.Collator;
import java.text.Normalizer;
import java.util.Comparator;
import java.util.Locale;

/**
 * Vietnamese text as people write it. Stored text is NFC. Two spellings of one name count as equal when they differ
 * only in where the tone mark sits ("Hoà Bình" / "Hòa Bình", "thuỷ" / "thủy"), in Unicode composition or in case and
 * spacing. Search and slugs also fold diacritics away ("tay bac" finds "Tây Bắc"; {@code đ} becomes {@code d}).
 */
public final class VietnameseText {

    /** The five tone marks as combining characters: grave, acute, hook above, tilde, dot below. */
    private static final String TONE_MARKS = "\u0300\u0301\u0309\u0303\u0323";
    private static final Collator COLLATOR = Collator.getInstance(Locale.forLanguageTag("vi-VN"));

    private VietnameseText() {
    }

    /** Unicode NFC, the form everything is stored in; null stays null. */
    public static String nfc(String text) {
        return text == null ? null : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /** NFC with runs of white space collapsed and the ends trimmed. */
    public static String clean(String text) {
        return text == null ? null : nfc(text).strip().replaceAll("\\s+", " ");
    }

    /**
     * A key under which both tone-mark placements, any composition, case and spacing of a name coincide: each word's
     * tone mark is lifted off its vowel and put at the end of the word.
     */
    public static String identityKey(String text) {
        if (text == null) {
            return null;
        }
        String decomposed = Normalizer.normalize(clean(text).toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        StringBuilder key = new StringBuilder(decomposed.length());
        StringBuilder word = new StringBuilder();
        char tone = 0;
        for (int i = 0; i <= decomposed.length(); i++) {
            char c = i < decomposed.length() ? decomposed.charAt(i) : ' ';
            if (TONE_MARKS.indexOf(c) >= 0) {
                tone = c;
            } else if (Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK) {
                word.append(c);
            } else {
                key.append(word);
                if (tone != 0) {
                    key.append(tone);
                }
                if (i < decomposed.length()) {
                    key.append(c);
                }
                word.setLength(0);
                tone = 0;
            }
        }
        return key.toString();
    }

    public static boolean sameName(String a, String b) {
        return a == null ? b == null : b != null && identityKey(a).equals(identityKey(b));
    }

    /** Lower case, without any diacritics, {@code đ} as {@code d}: what search compares. */
    public static String fold(String text) {
        if (text == null) {
            return null;
        }
        String decomposed = Normalizer.normalize(clean(text).toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        StringBuilder folded = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            folded.append(c == 'đ' ? 'd' : c);
        }
        return folded.toString();
    }

    /** URL slug: folded, ASCII letters and digits, words joined by hyphens. */
    public static String slug(String text) {
        return fold(text).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
    }

    /** Vietnamese alphabetical order (a ă â b c d đ e ê ...). */
    public static Comparator<String> order() {
        return COLLATOR::compare;
    }
}
