package org.giaoban.platform.problem;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The {@code detail} of a problem in Vietnamese when the caller asks for it ({@code Accept-Language: vi}): a sentence
 * looked up by the problem's stable {@code code}, never changing the code itself. Sentences come from the platform's
 * {@value #PLATFORM} and, for a service's own codes, its optional {@value #SERVICE} at the root of its classpath (which
 * wins where both name a code); both UTF-8. A code without a sentence of its own takes the one of its family, the
 * key {@code <first word>-*} ({@code blank-*} for {@code blank-title}), else the English detail stays.
 */
public final class ProblemLanguage {

    static final String PLATFORM = "org/giaoban/platform/problem/problems_vi.properties";
    static final String SERVICE = "problems_vi.properties";
    public static final String VIETNAMESE = "vi";
    private static final List<String> SUPPORTED = List.of("en", VIETNAMESE);

    private static final Map<String, String> SENTENCES = load();

    private ProblemLanguage() {
    }

    /**
     * Whether the best match of an {@code Accept-Language} header among English and Vietnamese is Vietnamese (weights
     * honoured: {@code en, vi;q=0.5} stays English). No header, or one that cannot be read: English.
     */
    public static boolean wantsVietnamese(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return false;
        }
        try {
            return wantsVietnamese(Locale.LanguageRange.parse(acceptLanguage));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public static boolean wantsVietnamese(List<Locale.LanguageRange> ranges) {
        return ranges != null && !ranges.isEmpty() && VIETNAMESE.equals(Locale.lookupTag(ranges, SUPPORTED));
    }

    /** The Vietnamese sentence for a code, or its family's; empty when none is known. */
    public static Optional<String> vietnamese(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String sentence = SENTENCES.get(code);
        int dash = code.indexOf('-');
        if (sentence == null && dash > 0) {
            sentence = SENTENCES.get(code.substring(0, dash) + "-*");
        }
        return Optional.ofNullable(sentence);
    }

    /** The detail to answer: the Vietnamese sentence when asked for and known, else {@code english}. */
    public static String detail(String acceptLanguage, String code, String english) {
        return wantsVietnamese(acceptLanguage) ? vietnamese(code).orElse(english) : english;
    }

    private static Map<String, String> load() {
        Map<String, String> sentences = new HashMap<>();
        ClassLoader loader = ProblemLanguage.class.getClassLoader();
        for (String name : List.of(PLATFORM, SERVICE)) { // the service's after the platform's: its sentences win
            try {
                for (URL url : Collections.list(loader.getResources(name))) {
                    Properties properties = new Properties();
                    try (Reader reader = new InputStreamReader(url.openStream(), StandardCharsets.UTF_8)) {
                        properties.load(reader);
                    }
                    properties.stringPropertyNames().forEach(key -> sentences.put(key, properties.getProperty(key).strip()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + name, e);
            }
        }
        return Map.copyOf(sentences);
    }
}
