package dev.fakesmtp.internal.web;

/** The one style sheet of the viewer and the report, inlined into every page (the report is one file). */
final class Styles {

    static final String CSS = """
            :root{--fg:#1d2327;--muted:#5f6b73;--line:#d8dee3;--bg:#f6f8fa;--accent:#0b62a3;--warn:#a04100;\
            --bad:#b3261e;--rule:#fff4d6}
            *{box-sizing:border-box}
            body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);\
            background:#fff}
            nav{display:flex;gap:1.2em;align-items:baseline;padding:.6em 1.2em;background:#17324d;color:#fff}
            nav a{color:#cfe3ff;text-decoration:none}nav a:hover{text-decoration:underline}
            nav .brand{font-weight:600;color:#fff}nav .where{margin-left:auto;color:#9fb7cf;font-size:.9em}
            main{padding:1em 1.2em;max-width:1200px}
            h1{font-size:1.35em;margin:.2em 0 .6em}h2{font-size:1.15em;margin:1.4em 0 .5em}
            h3{font-size:1em;margin:1.1em 0 .4em;color:var(--muted)}
            a{color:var(--accent)}
            table{border-collapse:collapse;width:100%}
            th,td{text-align:left;vertical-align:top;padding:.35em .6em;border-bottom:1px solid var(--line)}
            th{background:var(--bg);font-weight:600}
            table.fields th{width:8em;background:none;color:var(--muted);font-weight:500;white-space:nowrap}
            table.fields th,table.fields td{padding:.2em .6em}
            td.num{text-align:right;white-space:nowrap}
            .muted,.empty{color:var(--muted)}.empty{font-style:italic}
            .badge{display:inline-block;padding:0 .45em;margin-right:.3em;border-radius:.7em;font-size:.8em;\
            background:#e3eefa;color:#0b4a7a}
            .badge.bad{background:#fbe4e2;color:var(--bad)}
            pre{background:var(--bg);border:1px solid var(--line);padding:.6em .8em;overflow:auto;\
            white-space:pre-wrap;word-break:break-all;font:12.5px/1.4 ui-monospace,Menlo,Consolas,monospace}
            iframe.mail-html{width:100%;height:400px;border:1px solid var(--line);resize:vertical;background:#fff}
            details{margin:.6em 0}summary{cursor:pointer;color:var(--accent)}
            section.message{border-top:3px solid var(--line);margin-top:1.6em;padding-top:.4em}
            .note{font-size:.9em;color:var(--muted);margin:.2em 0 .5em}
            ul.attachments{padding-left:1.2em}ul.attachments img{display:block;max-width:320px;max-height:240px;\
            margin:.3em 0;border:1px solid var(--line)}
            ol.transcript{list-style:none;margin:0;padding:.5em .8em;background:var(--bg);border:1px solid var(--line);\
            font:12.5px/1.4 ui-monospace,Menlo,Consolas,monospace;white-space:pre-wrap;word-break:break-all}
            ol.transcript li.client{color:#14532d}ol.transcript li.server{color:#1e3a8a}ol.transcript li.note{color:#6b7280;font-style:italic}
            ol.transcript li.rule{background:var(--rule)}ol.transcript li.violation{background:#fde8e6}
            ol.transcript .mark{color:var(--warn);font-style:italic}
            ul.violations li{color:var(--bad)}
            .outcome{border-left:4px solid var(--bad);background:#fdf1f0;padding:.5em .8em;white-space:pre-wrap;\
            font:12.5px/1.4 ui-monospace,Menlo,Consolas,monospace}
            .outcome.passed{border-color:#2e7d32;background:#eef7ee}
            """;

    private Styles() {
    }
}
