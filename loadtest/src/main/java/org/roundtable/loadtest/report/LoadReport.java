package org.roundtable.loadtest.report;

import java.util.List;
import java.util.Map;

/** The whole result of one run. Immutable. */
public record LoadReport(String startedAt, Map<String, Object> config, RunSummary summary,
                         List<StreamReport> streams, List<ParticipantReport> participants,
                         List<TimelineSample> timeline) {
    public LoadReport {
        config = Map.copyOf(config);
        streams = List.copyOf(streams);
        participants = List.copyOf(participants);
        timeline = List.copyOf(timeline);
    }
}
