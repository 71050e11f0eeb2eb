package org.giaoban.competition.round;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.giaoban.competition.round.Vocabulary.Award;
import org.giaoban.competition.round.Vocabulary.VoteMethod;
import org.giaoban.platform.bounds.Bounds.DecimalRange;
import org.giaoban.platform.problem.DomainException;
import org.giaoban.platform.text.VietnameseText;

/**
 * The rules a round is run under, recorded with it because the legal basis changed over the years (DOMAIN.md):
 * vote method, approval threshold over all participants, award quotas as shares of participants, whether this year's
 * host may host again, and the scoring criteria with their maximum points.
 */
public record Rules(String legalBasis, VoteMethod voteMethod, BigDecimal approvalThreshold, Map<Award, BigDecimal> quotas,
                    boolean hostMayRepeat, List<Criterion> criteria) {

    public static final BigDecimal DEFAULT_THRESHOLD = new BigDecimal("0.5");
    /** A criterion is worth more than 0 and at most 1,000 points, in hundredths at the finest. */
    public static final DecimalRange MAX_POINTS = DecimalRange.above("0", "1000", 2);
    /** A score: from 0 to its criterion's maximum, in hundredths at the finest. */
    public static final DecimalRange POINTS = DecimalRange.from("0", "1000", 2);
    /** A share of all participants, with at most 4 decimal places: a threshold below 1 (at 1 nothing could carry). */
    public static final DecimalRange THRESHOLD = DecimalRange.between("0", "1", 4);
    /** An award quota: a share of participants above 0 and at most all of them. */
    public static final DecimalRange QUOTA = DecimalRange.above("0", "1", 4);

    public static final int MAX_CRITERIA = 50;

    public record Criterion(String name, BigDecimal maxPoints) {
    }

    /** DOMAIN.md's defaults: open vote, strict majority of all participants, 20% Bằng khen and 30% Giấy khen. */
    public static Rules defaults() {
        Map<Award, BigDecimal> quotas = new EnumMap<>(Award.class);
        quotas.put(Award.MINISTRY_MERIT, new BigDecimal("0.2"));
        quotas.put(Award.ASSOCIATION_COMMENDATION, new BigDecimal("0.3"));
        return new Rules(null, VoteMethod.OPEN, DEFAULT_THRESHOLD, quotas, false, List.of());
    }

    /** Fills what an override leaves out from the defaults, normalises text and refuses what cannot be run. */
    public static Rules of(Rules requested) {
        Rules defaults = defaults();
        if (requested == null) {
            return defaults;
        }
        BigDecimal threshold = requested.approvalThreshold() == null ? defaults.approvalThreshold() : requested.approvalThreshold();
        if (!THRESHOLD.contains(threshold)) {
            throw DomainException.invalid("invalid-threshold", "rules.approvalThreshold",
                    "approvalThreshold must lie " + THRESHOLD.describe() + ".");
        }
        Map<Award, BigDecimal> quotas = new EnumMap<>(defaults.quotas());
        if (requested.quotas() != null) {
            requested.quotas().forEach((award, share) -> {
                if (award == null || share == null || !QUOTA.contains(share)) {
                    throw DomainException.invalid("invalid-quota", "rules.quotas",
                            "Each quota is a share of participants " + QUOTA.describe() + ".");
                }
                quotas.put(award, share);
            });
        }
        List<Criterion> criteria = new ArrayList<>();
        Set<String> names = new HashSet<>();
        if (requested.criteria() != null && requested.criteria().size() > MAX_CRITERIA) {
            throw DomainException.invalid("too-many-criteria", "rules.criteria", "A round has at most " + MAX_CRITERIA + " criteria.");
        }
        for (Criterion criterion : requested.criteria() == null ? List.<Criterion>of() : requested.criteria()) {
            String name = VietnameseText.clean(criterion == null ? null : criterion.name());
            if (name == null || name.isEmpty() || name.length() > 200) {
                throw DomainException.invalid("invalid-criterion", "Each criterion needs a name of at most 200 characters.");
            }
            if (criterion.maxPoints() == null || !MAX_POINTS.contains(criterion.maxPoints())) {
                throw DomainException.invalid("invalid-criterion", "rules.criteria.maxPoints",
                        "Criterion " + name + " needs maxPoints " + MAX_POINTS.describe() + ".");
            }
            if (!names.add(VietnameseText.identityKey(name))) {
                throw DomainException.invalid("invalid-criterion", "Criterion " + name + " is named twice.");
            }
            criteria.add(new Criterion(name, criterion.maxPoints()));
        }
        String legalBasis = VietnameseText.clean(requested.legalBasis());
        if (legalBasis != null && legalBasis.length() > 2000) {
            throw DomainException.invalid("too-long", "rules.legalBasis", "legalBasis is longer than 2000 characters.");
        }
        return new Rules(legalBasis == null || legalBasis.isEmpty() ? null : legalBasis,
                requested.voteMethod() == null ? defaults.voteMethod() : requested.voteMethod(),
                threshold, quotas, requested.hostMayRepeat(), List.copyOf(criteria));
    }

    public Optional<Criterion> criterion(String name) {
        return criteria.stream().filter(c -> VietnameseText.sameName(c.name(), name)).findFirst();
    }

    public boolean secret() {
        return voteMethod == VoteMethod.SECRET;
    }
}
