package org.giaoban.news.drafting;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.giaoban.contracts.competition.NominationSummary;
import org.giaoban.contracts.competition.Ref;
import org.giaoban.contracts.competition.RoundConcluded;
import org.giaoban.news.article.ArticleContent;
import org.giaoban.news.article.ChecklistItem;
import org.giaoban.platform.text.VietnameseText;

/**
 * The draft of the report of a cluster's conference (hội nghị giao ban), written from the round's conclusion in the
 * style of the association's own reports ({@code seed-article.vi.txt}): the date, venue and host, the participants,
 * the movement and its theme, the proposals per award, next year's theme, host and leader, the flag handover and the
 * workshop. It states facts the event carries and nothing else; an editor adds the colour (guests, results, photos)
 * before publishing.
 *
 * <p>Pure: the same event gives the same content, character for character, so the draft of a round is the same
 * whichever delivery of its conclusion writes it. Names are used as published (NFC); lists of names are in Vietnamese
 * alphabetical order; absent facts (no conference date, venue or workshop recorded) leave their sentence out.
 */
public final class ConferenceReport {

    /** The chuyên mục of every conference report: news of the clusters' own activities. */
    public static final String CATEGORY = "Hoạt động cụm";
    public static final String TAG_CONFERENCE = "giao ban";
    public static final String TAG_EMULATION = "thi đua";

    /** What the conclusion cannot tell and the editor adds: the guests, the year's assessment, the photos. */
    public static final List<ChecklistItem> CHECKLIST = List.of(ChecklistItem.GUESTS, ChecklistItem.ASSESSMENT,
            ChecklistItem.PHOTOS);

    static final String MINISTRY_MERIT = "MINISTRY_MERIT";
    static final String ASSOCIATION_COMMENDATION = "ASSOCIATION_COMMENDATION";

    /** dd/M/yyyy, as the brief of the draft asks: 24/9/2023. */
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/M/yyyy");
    private static final String ASSOCIATION = "Hiệp hội các đô thị Việt Nam";
    private static final Comparator<Ref> BY_NAME = Comparator.comparing(ConferenceReport::name, VietnameseText.order())
            .thenComparing(Ref::id, Comparator.nullsLast(Comparator.naturalOrder()));

    private ConferenceReport() {
    }

    /** The id of the system's draft of a round: one article per round, whatever delivers its conclusion. */
    public static String articleId(String roundId) {
        return "round-" + roundId;
    }

    /** The draft's content: title, summary, body, category, tags, cluster and urban areas; no images. */
    public static ArticleContent of(RoundConcluded round) {
        return new ArticleContent(title(round), summary(round), body(round), CATEGORY, tags(round),
                round.cluster() == null ? List.of() : List.of(round.cluster().id()), urbanAreaIds(round), List.of());
    }

    /** "Giao ban cụm các đô thị vùng Tây Bắc năm 2023". */
    static String title(RoundConcluded round) {
        return "Giao ban " + clusterInSentence(round) + " năm " + round.year();
    }

    /** One sentence: when, where, which cluster, who hosted. */
    static String summary(RoundConcluded round) {
        StringBuilder s = new StringBuilder(whenAndWhere(round));
        String cluster = s.isEmpty() ? capitalised(clusterInSentence(round)) : clusterInSentence(round);
        s.append(cluster).append(" tổ chức hội nghị giao ban năm ").append(round.year());
        if (round.host() != null) {
            s.append(" do ").append(name(round.host())).append(" đăng cai");
        }
        return s.append('.').toString();
    }

    /** Paragraphs separated by a blank line. */
    static String body(RoundConcluded round) {
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(opening(round));
        participants(round).ifPresent(paragraphs::add);
        movement(round).ifPresent(paragraphs::add);
        nominations(round).ifPresent(paragraphs::add);
        nextYear(round).ifPresent(paragraphs::add);
        flagAndHost(round).ifPresent(paragraphs::add);
        workshop(round).ifPresent(paragraphs::add);
        return String.join("\n\n", paragraphs);
    }

    /** "giao ban", "thi đua" and the year. */
    static List<String> tags(RoundConcluded round) {
        return List.of(TAG_CONFERENCE, TAG_EMULATION, String.valueOf(round.year()));
    }

    /** The host, next year's host, then every nominee in the order the body names them; each once. */
    static List<String> urbanAreaIds(RoundConcluded round) {
        Set<String> ids = new LinkedHashSet<>();
        add(ids, round.host());
        add(ids, round.nextHost());
        nominationsByAward(round).values().forEach(nominees -> nominees.forEach(nominee -> add(ids, nominee)));
        return List.copyOf(ids);
    }

    // ---- paragraphs -------------------------------------------------------------------------------------------------

    /** "Ngày 24/9/2023, tại Thị xã Sa Pa, Hiệp hội các đô thị Việt Nam phối hợp với Thị xã Sa Pa ... tổ chức ...". */
    private static String opening(RoundConcluded round) {
        StringBuilder s = new StringBuilder(whenAndWhere(round));
        s.append(ASSOCIATION);
        if (round.host() != null) {
            s.append(" phối hợp với ").append(name(round.host())).append(" (đơn vị đăng cai)");
        }
        s.append(" tổ chức hội nghị giao ban ").append(clusterInSentence(round)).append(" năm ").append(round.year()).append('.');
        if (round.leader() != null) {
            s.append(" Cụm trưởng năm ").append(round.year()).append(" là ").append(name(round.leader())).append('.');
        }
        return s.toString();
    }

    /** "Dự hội nghị có lãnh đạo của 11 đô thị thành viên cụm ...: A, B, ...". */
    private static Optional<String> participants(RoundConcluded round) {
        List<Ref> participants = sorted(round.participants());
        if (participants.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("Dự hội nghị có lãnh đạo của " + participants.size() + " đô thị thành viên "
                + clusterInSentence(round) + " gồm: " + names(participants) + ".");
    }

    /** "Năm 2023, các đô thị thành viên thực hiện phong trào thi đua “...” với chủ đề “...”." */
    private static Optional<String> movement(RoundConcluded round) {
        String movement = clean(round.movement());
        String theme = clean(round.theme());
        if (movement == null && theme == null) {
            return Optional.empty();
        }
        StringBuilder s = new StringBuilder("Năm ").append(round.year()).append(", các đô thị thành viên ")
                .append(clusterInSentence(round)).append(" thực hiện phong trào thi đua");
        if (movement != null) {
            s.append(' ').append(quoted(movement));
        }
        if (theme != null) {
            s.append(" với chủ đề ").append(quoted(theme));
        }
        return Optional.of(s.append('.').toString());
    }

    /**
     * "Hội nghị đã tổ chức bình xét thi đua năm 2023. Cụm ... đề nghị Bộ Xây dựng tặng Bằng khen đối với 2 đô thị: A, B.
     * Ngoài ra, cụm ... cũng đề nghị Hiệp hội các đô thị Việt Nam tặng Giấy khen đối với 3 đô thị: C, D, E."
     */
    private static Optional<String> nominations(RoundConcluded round) {
        Map<String, List<Ref>> byAward = nominationsByAward(round);
        StringBuilder s = new StringBuilder("Hội nghị đã tổ chức bình xét thi đua năm ").append(round.year()).append('.');
        if (byAward.isEmpty()) {
            return Optional.of(s.append(" Năm nay cụm không đề nghị khen thưởng.").toString());
        }
        boolean first = true;
        for (Map.Entry<String, List<Ref>> award : byAward.entrySet()) {
            List<Ref> nominees = award.getValue();
            s.append(first ? " " + capitalised(clusterInSentence(round)) + " đề nghị "
                            : " Ngoài ra, " + clusterInSentence(round) + " cũng đề nghị ")
                    .append(awardPhrase(award.getKey())).append(" đối với ").append(nominees.size()).append(" đô thị: ")
                    .append(names(nominees)).append('.');
            first = false;
        }
        return Optional.of(s.toString());
    }

    /** "Cụm ... thống nhất chủ đề năm 2024 với nội dung: “...”." */
    private static Optional<String> nextYear(RoundConcluded round) {
        String theme = clean(round.nextTheme());
        if (theme == null) {
            return Optional.empty();
        }
        int next = round.year() + 1;
        return Optional.of("Tại hội nghị, lãnh đạo các đô thị thành viên đã thống nhất phương hướng trọng tâm, "
                + "chủ đề và đơn vị đăng cai năm " + next + ". " + capitalised(clusterInSentence(round))
                + " thống nhất chủ đề năm " + next + " với nội dung: " + quoted(theme) + ".");
    }

    /** Next year's host, the flag handover and next year's leader. */
    private static Optional<String> flagAndHost(RoundConcluded round) {
        int next = round.year() + 1;
        List<String> sentences = new ArrayList<>();
        if (round.nextHost() != null) {
            sentences.add(capitalised(clusterInSentence(round)) + " thống nhất đơn vị đăng cai, địa điểm tổ chức hội nghị "
                    + clusterInSentence(round) + " năm " + next + " là " + name(round.nextHost()) + ".");
        }
        if (round.flagHandedOverTo() != null) {
            sentences.add(round.host() == null
                    ? "Cờ thi đua của cụm được trao cho " + name(round.flagHandedOverTo()) + "."
                    : name(round.host()) + " đã trao cờ thi đua của cụm cho " + name(round.flagHandedOverTo()) + ".");
        }
        if (round.nextLeader() != null) {
            sentences.add("Cụm trưởng năm " + next + " là " + name(round.nextLeader()) + ".");
        }
        return sentences.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", sentences));
    }

    /** "Trong khuôn khổ hội nghị, các đại biểu đã tham gia hội thảo với chủ đề “...”." */
    private static Optional<String> workshop(RoundConcluded round) {
        String topic = clean(round.workshopTopic());
        return topic == null ? Optional.empty()
                : Optional.of("Trong khuôn khổ hội nghị, các đại biểu đã tham gia hội thảo với chủ đề "
                        + quoted(topic) + ".");
    }

    /** "Ngày 24/9/2023, tại Thị xã Sa Pa, " — or as much of it as was recorded, or nothing. */
    private static String whenAndWhere(RoundConcluded round) {
        StringBuilder s = new StringBuilder();
        String when = date(round.conferenceDate());
        String where = clean(round.venue());
        if (when != null) {
            s.append("Ngày ").append(when).append(", ");
        }
        if (where != null) {
            s.append(when == null ? "Tại " : "tại ").append(where).append(", ");
        }
        return s.toString();
    }

    // ---- words ------------------------------------------------------------------------------------------------------

    /** Who is asked for which award: Bằng khen of the Ministry of Construction, Giấy khen of the association. */
    static String awardPhrase(String award) {
        if (MINISTRY_MERIT.equals(award)) {
            return "Bộ Xây dựng tặng Bằng khen";
        }
        if (ASSOCIATION_COMMENDATION.equals(award)) {
            return ASSOCIATION + " tặng Giấy khen";
        }
        return "khen thưởng (" + award + ")"; // a newer award than this service knows: named by its code
    }

    /** Nominees per award: Bằng khen first, then Giấy khen, then any other award; names in Vietnamese order. */
    private static Map<String, List<Ref>> nominationsByAward(RoundConcluded round) {
        Map<String, List<Ref>> byAward = new LinkedHashMap<>();
        byAward.put(MINISTRY_MERIT, new ArrayList<>());
        byAward.put(ASSOCIATION_COMMENDATION, new ArrayList<>());
        for (NominationSummary nomination : round.nominations() == null ? List.<NominationSummary>of() : round.nominations()) {
            if (nomination != null && nomination.urbanArea() != null && nomination.award() != null) {
                byAward.computeIfAbsent(nomination.award(), award -> new ArrayList<>()).add(nomination.urbanArea());
            }
        }
        Map<String, List<Ref>> result = new LinkedHashMap<>();
        byAward.forEach((award, nominees) -> {
            if (!nominees.isEmpty()) {
                result.put(award, sorted(nominees));
            }
        });
        return result;
    }

    /**
     * The cluster's name inside a sentence: "cụm các đô thị vùng Tây Bắc". Its first letter is lower-cased when the
     * name begins with the common noun "Cụm"; a name that begins otherwise (a proper name) is kept as it is.
     */
    static String clusterInSentence(RoundConcluded round) {
        String name = round.cluster() == null ? null : clean(round.cluster().name());
        if (name == null) {
            return "cụm";
        }
        String firstWord = name.split(" ", 2)[0];
        return VietnameseText.sameName(firstWord, "cụm") ? lowerFirst(name) : name;
    }

    private static String names(List<Ref> refs) {
        return String.join(", ", refs.stream().map(ConferenceReport::name).toList());
    }

    private static List<Ref> sorted(List<Ref> refs) {
        return refs == null ? List.of() : refs.stream().filter(Objects::nonNull).sorted(BY_NAME).toList();
    }

    private static String name(Ref ref) {
        String name = clean(ref.name());
        return name == null ? ref.id() : name;
    }

    private static void add(Set<String> ids, Ref ref) {
        if (ref != null && ref.id() != null) {
            ids.add(ref.id());
        }
    }

    private static String date(LocalDate date) {
        return date == null ? null : DATE.format(date);
    }

    private static String quoted(String text) {
        return "“" + text + "”";
    }

    private static String clean(String text) {
        String clean = VietnameseText.clean(text);
        return clean == null || clean.isEmpty() ? null : clean;
    }

    private static String lowerFirst(String text) {
        int first = text.codePointAt(0);
        return new StringBuilder().appendCodePoint(Character.toLowerCase(first))
                .append(text.substring(Character.charCount(first))).toString();
    }

    private static String capitalised(String text) {
        int first = text.codePointAt(0);
        return new StringBuilder().appendCodePoint(Character.toUpperCase(first))
                .append(text.substring(Character.charCount(first))).toString();
    }
}
