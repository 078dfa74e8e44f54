package org.roundtable.moderation.record;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * The record as JSON: instants ISO-8601 UTC (null while open), durations in seconds with
 * millisecond precision. Stateless, thread-safe.
 */
public final class RecordJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RecordJson() {
    }

    public static String render(OfficialRecord record) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("room", record.room());
        root.put("openedAt", text(record.openedAt()));
        root.put("endedAt", text(record.endedAt()));
        root.put("generatedAt", text(record.generatedAt()));
        root.put("totalSpeakingSeconds", Seconds.number(record.totalSpeakingTime()));
        ArrayNode participants = root.putArray("participants");
        for (OfficialRecord.ParticipantSummary p : record.participants()) {
            ObjectNode node = participants.addObject();
            node.put("participantId", p.participantId());
            node.put("displayName", p.displayName());
            node.put("role", p.role().name());
            node.put("interventions", p.interventions());
            node.put("speakingSeconds", Seconds.number(p.speakingTime()));
            node.put("handRaises", p.handRaises());
        }
        ArrayNode interventions = root.putArray("interventions");
        for (OfficialRecord.InterventionEntry i : record.interventions()) {
            ObjectNode node = interventions.addObject();
            node.put("number", i.number());
            node.put("participantId", i.participantId());
            node.put("displayName", i.displayName());
            node.put("grantedBy", i.grantedBy());
            node.put("start", text(i.start()));
            node.put("end", text(i.end()));
            node.put("allottedSeconds", Seconds.number(i.allotted()));
            node.put("actualSeconds", Seconds.number(i.actual()));
            node.put("overtimeSeconds", Seconds.number(i.overtime()));
            node.put("endReason", i.endReason() == null ? null : i.endReason().name());
            node.put("endedBy", i.endedBy());
        }
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always renders", e);
        }
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
