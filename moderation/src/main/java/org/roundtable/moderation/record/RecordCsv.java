package org.roundtable.moderation.record;

import java.time.Instant;
import java.util.List;

/**
 * The record as CSV (RFC 4180, CRLF line ends, header row): one table of interventions and one of
 * participants. Text that a spreadsheet would run as a formula is prefixed with a quote.
 * Stateless, thread-safe.
 */
public final class RecordCsv {
    public static final List<String> INTERVENTION_COLUMNS = List.of("number", "participant_id", "display_name",
            "granted_by", "start", "end", "allotted_seconds", "actual_seconds", "overtime_seconds", "end_reason",
            "ended_by");
    public static final List<String> PARTICIPANT_COLUMNS = List.of("participant_id", "display_name", "role",
            "interventions", "speaking_seconds", "hand_raises");

    private RecordCsv() {
    }

    public static String interventions(OfficialRecord record) {
        StringBuilder out = new StringBuilder();
        row(out, INTERVENTION_COLUMNS);
        for (OfficialRecord.InterventionEntry i : record.interventions()) {
            row(out, List.of(Integer.toString(i.number()), i.participantId(), i.displayName(), i.grantedBy(),
                    text(i.start()), text(i.end()), Seconds.text(i.allotted()), Seconds.text(i.actual()),
                    Seconds.text(i.overtime()), i.endReason() == null ? "" : i.endReason().name(),
                    i.endedBy() == null ? "" : i.endedBy()));
        }
        return out.toString();
    }

    public static String participants(OfficialRecord record) {
        StringBuilder out = new StringBuilder();
        row(out, PARTICIPANT_COLUMNS);
        for (OfficialRecord.ParticipantSummary p : record.participants()) {
            row(out, List.of(p.participantId(), p.displayName(), p.role().name(), Integer.toString(p.interventions()),
                    Seconds.text(p.speakingTime()), Integer.toString(p.handRaises())));
        }
        return out.toString();
    }

    private static void row(StringBuilder out, List<String> cells) {
        for (int k = 0; k < cells.size(); k++) {
            if (k > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(k)));
        }
        out.append("\r\n");
    }

    static String cell(String value) {
        String text = value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !isNumber(text)) {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    private static boolean isNumber(String text) {
        return text.matches("-?[0-9]+(\\.[0-9]+)?");
    }

    private static String text(Instant instant) {
        return instant == null ? "" : instant.toString();
    }
}
