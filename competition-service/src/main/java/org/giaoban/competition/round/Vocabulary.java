package org.giaoban.competition.round;

/** The words of a round. */
public final class Vocabulary {

    private Vocabulary() {
    }

    public enum RoundState { PLANNED, OPEN, CONCLUDED }

    /** Bằng khen of the Ministry of Construction; Giấy khen of the association. */
    public enum Award { MINISTRY_MERIT, ASSOCIATION_COMMENDATION }

    public enum MotionKind { NOMINATION, NEXT_HOST, NEXT_LEADER, NEXT_THEME }

    public enum MotionState { OPEN, WITHDRAWN, CARRIED, NOT_CARRIED }

    public enum Vote { APPROVE, REJECT, ABSTAIN }

    /** OPEN: a delegate casts its member's ballot, or the coordinator records the room's show of hands. SECRET: only delegates. */
    public enum VoteMethod { OPEN, SECRET }

    public enum RecordedBy { DELEGATE, COORDINATOR }

    public enum NominationStatus { PROPOSED, FORWARDED, AWARDED, DECLINED }

    public enum Decision { AWARDED, DECLINED }
}
