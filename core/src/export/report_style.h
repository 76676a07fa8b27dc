#pragma once
// The stylesheet of the self-contained HTML reports (CMOC table, grouped reports): one look for
// every page a researcher prints or mails. Print rules keep a row on one page and repeat the
// header row on each; rows of class "fails" are shaded (italic in print).
namespace cmoc::exporting {

inline constexpr const char* kReportStyle = R"(
body { font: 11pt/1.4 "Segoe UI", "Helvetica Neue", Arial, sans-serif; margin: 2em; color: #111; }
h1 { font-size: 16pt; } h2 { font-size: 13pt; margin: 1.6em 0 0.2em; }
p.summary { margin: 0 0 0.6em; color: #444; }
table { border-collapse: collapse; width: 100%; margin-bottom: 1em; }
th, td { border: 1px solid #999; padding: 4px 6px; vertical-align: top; text-align: left; }
th { background: #e8e8e8; }
td.n { text-align: right; }
tr.fails td { background: #fff4e5; }
ul.quotes { margin: 0; padding-left: 1.1em; }
ul.quotes li { margin-bottom: 0.3em; }
.attribution { color: #555; white-space: nowrap; }
@media print {
  body { margin: 0; font-size: 9pt; }
  thead { display: table-header-group; }
  tr { page-break-inside: avoid; }
  tr.fails td { background: none; font-style: italic; }
}
)";

}  // namespace cmoc::exporting
