package org.giaoban.platform.inbox;

import org.giaoban.contracts.IntegrationEvent;

/** The test's integration event: a note taken at a briefing. */
record NoteTaken(String noteId, String text) implements IntegrationEvent {

    @Override
    public String subject() {
        return noteId;
    }
}
