package org.giaoban.contracts.competition;

/**
 * A nomination (đề nghị khen thưởng) carried in a round: the member proposed and the award,
 * {@code MINISTRY_MERIT} (Bằng khen of the Ministry of Construction) or {@code ASSOCIATION_COMMENDATION}
 * (Giấy khen of the association).
 */
public record NominationSummary(Ref urbanArea, String award) {
}
