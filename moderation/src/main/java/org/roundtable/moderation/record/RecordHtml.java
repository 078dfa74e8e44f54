package org.roundtable.moderation.record;

import java.time.Instant;

/**
 * The record as one self-contained HTML page (inline style, no scripts, no external resources),
 * fit to print or archive. Every value is escaped. Stateless, thread-safe.
 */
public final class RecordHtml {
    private static final String STYLE = "body{font-family:system-ui,sans-serif;margin:2em;color:#222}"
            + "table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #bbb;padding:.3em .6em;"
            + "text-align:left}th{background:#eee}td.n{text-align:right}caption{font-weight:bold;"
            + "text-align:left;padding:.3em 0}dl{display:grid;grid-template-columns:max-content auto;gap:.2em 1em}"
            + "dt{font-weight:bold}";

    private RecordHtml() {
    }

    public static String render(OfficialRecord record) {
        StringBuilder out = new StringBuilder(4096);
        String title = "Official record of roundtable " + escape(record.room());
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(title).append("</title>\n<style>").append(STYLE).append("</style>\n</head>\n<body>\n<h1>")
                .append(title).append("</h1>\n<dl>\n");
        term(out, "Opened", time(record.openedAt()));
        term(out, "Ended", record.endedAt() == null ? "still running" : time(record.endedAt()));
        term(out, "Generated", time(record.generatedAt()));
        term(out, "Total speaking time", Seconds.clock(record.totalSpeakingTime()));
        out.append("</dl>\n<table>\n<caption>Participants</caption>\n<tr><th>Name</th><th>Id</th><th>Role</th>"
                + "<th>Interventions</th><th>Speaking time</th><th>Hands raised</th></tr>\n");
        for (OfficialRecord.ParticipantSummary p : record.participants()) {
            out.append("<tr><td>").append(escape(p.displayName())).append("</td><td>")
                    .append(escape(p.participantId())).append("</td><td>").append(p.role().name().toLowerCase())
                    .append("</td><td class=\"n\">").append(p.interventions()).append("</td><td class=\"n\">")
                    .append(Seconds.clock(p.speakingTime())).append("</td><td class=\"n\">").append(p.handRaises())
                    .append("</td></tr>\n");
        }
        out.append("</table>\n<table>\n<caption>Interventions</caption>\n<tr><th>#</th><th>Speaker</th>"
                + "<th>Start</th><th>End</th><th>Allotted</th><th>Actual</th><th>Overtime</th><th>Granted by</th>"
                + "<th>Ended</th></tr>\n");
        for (OfficialRecord.InterventionEntry i : record.interventions()) {
            String ended = i.endReason() == null ? "speaking"
                    : i.endReason().name().toLowerCase().replace('_', ' ') + " (" + i.endedBy() + ")";
            out.append("<tr><td class=\"n\">").append(i.number()).append("</td><td>").append(escape(i.displayName()))
                    .append("</td><td>").append(time(i.start())).append("</td><td>")
                    .append(i.end() == null ? "" : time(i.end())).append("</td><td class=\"n\">")
                    .append(Seconds.clock(i.allotted())).append("</td><td class=\"n\">")
                    .append(Seconds.clock(i.actual())).append("</td><td class=\"n\">")
                    .append(Seconds.clock(i.overtime())).append("</td><td>").append(escape(i.grantedBy()))
                    .append("</td><td>").append(escape(ended)).append("</td></tr>\n");
        }
        return out.append("</table>\n</body>\n</html>\n").toString();
    }

    private static void term(StringBuilder out, String name, String value) {
        out.append("<dt>").append(name).append("</dt><dd>").append(value).append("</dd>\n");
    }

    private static String time(Instant instant) {
        return instant == null ? "" : "<time datetime=\"" + instant + "\">" + instant + "</time>";
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
