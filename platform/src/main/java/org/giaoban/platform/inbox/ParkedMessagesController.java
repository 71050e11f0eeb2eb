package org.giaoban.platform.inbox;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** For operators: what each consumer has parked on its dead-letter topic, and its replay once the cause is fixed. */
@RestController
@RequestMapping("${giaoban.api.base-path}/admin/dead-letters")
public class ParkedMessagesController {

    private final ParkedMessages parkedMessages;

    public ParkedMessagesController(ParkedMessages parkedMessages) {
        this.parkedMessages = parkedMessages;
    }

    @GetMapping
    public List<ParkedMessages.Parked> list() {
        return parkedMessages.parked();
    }

    /** Replays until done or until a message fails again; the report says which. */
    @PostMapping("/{consumer}/replay")
    public ParkedMessages.ReplayReport replay(@PathVariable String consumer) {
        return parkedMessages.replay(consumer);
    }
}
