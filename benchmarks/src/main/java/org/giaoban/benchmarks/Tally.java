package org.giaoban.benchmarks;

import java.util.HashMap;
import java.util.Map;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/** A small event-sourced aggregate in the shape of a round's tally: its state is the running scores per city. */
public class Tally {

    @AggregateIdentifier
    public String id;
    public long ballots;
    public Map<String, Long> scores = new HashMap<>();

    public Tally() {
    }

    @EventSourcingHandler
    void on(VoteCast event) {
        id = event.roundId();
        ballots++;
        scores.merge(event.candidateCityId(), (long) event.score(), Long::sum);
    }
}
