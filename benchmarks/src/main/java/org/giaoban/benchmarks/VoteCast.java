package org.giaoban.benchmarks;

/** A domain event of the size of the competition service's ballot events (~200 bytes of JSON). */
public record VoteCast(String roundId, String ballotId, String delegateId, String candidateCityId, int score, String remark) {

    static VoteCast sample(String roundId, long n) {
        return new VoteCast(roundId, "ballot-" + n, "delegate-" + (n % 37), "city-" + (n % 14), (int) (n % 10) + 1,
                "Đánh giá phong trào thi đua cụm " + (n % 5));
    }
}
