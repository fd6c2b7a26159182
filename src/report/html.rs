//! The HTML report: one self-contained page (inline CSS and script, no network) with a
//! summary, filters by severity and fact, each finding with its disagreeing sentences
//! side by side and the claims marked, and the sentences of each source with every
//! claim found in them.
//!
//! The report holds no source texts, so the "Sources" section shows the sentences the
//! findings quote, in each source's order. Everything taken from a source or a rule is
//! HTML-escaped.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::ops::Range;
use std::sync::Arc;

use super::{Report, agreement_line, count, listed_in_json, shown_claims, source_label, value_label};
use crate::check::{Evidence, Finding};
use crate::value::describe;

const STYLE: &str = r#"
:root { --fg: #1f2328; --muted: #59636e; --bg: #ffffff; --panel: #f6f8fa; --line: #d1d9e0;
  --error: #cf222e; --warning: #9a6700; --info: #0969da; --mark: #fff1a8; --on-badge: #ffffff; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e6edf3; --muted: #9198a1; --bg: #0d1117; --panel: #151b23; --line: #3d444d;
    --error: #ff7b72; --warning: #d29922; --info: #58a6ff; --mark: #6e5a00; --on-badge: #0d1117; } }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); }
header, nav, main { max-width: 1200px; margin: 0 auto; padding: 0 20px; }
header { padding-top: 20px; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 28px 0 10px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
code, .where, .value { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 13px; }
.muted { color: var(--muted); }
.counts span { display: inline-block; margin-right: 14px; }
.filters { position: sticky; top: 0; z-index: 1; background: var(--bg); border-bottom: 1px solid var(--line);
  padding: 10px 20px; display: flex; flex-wrap: wrap; gap: 16px; align-items: center; }
.filters label { cursor: pointer; }
.badge { display: inline-block; padding: 0 8px; border-radius: 10px; color: var(--on-badge); font-size: 12px; font-weight: 600;
  text-transform: uppercase; vertical-align: middle; }
.sev-error .badge, .badge.sev-error { background: var(--error); }
.sev-warning .badge, .badge.sev-warning { background: var(--warning); }
.sev-info .badge, .badge.sev-info { background: var(--info); }
.finding { border: 1px solid var(--line); border-left: 4px solid var(--info); border-radius: 6px; margin: 14px 0;
  padding: 12px 14px; background: var(--panel); }
.finding.sev-error { border-left-color: var(--error); }
.finding.sev-warning { border-left-color: var(--warning); }
.finding h3 { font-size: 16px; margin: 0 0 4px; }
.finding .message { margin: 4px 0; }
.finding .note { margin: 4px 0; font-style: italic; }
.sides { display: grid; grid-template-columns: repeat(auto-fit, minmax(280px, 1fr)); gap: 12px; margin-top: 10px; }
.side { background: var(--bg); border: 1px solid var(--line); border-radius: 6px; padding: 8px 10px; }
.side h4 { margin: 0 0 6px; font-size: 14px; }
.claim { margin: 8px 0 0; padding-top: 6px; border-top: 1px dashed var(--line); }
.claim:first-of-type { border-top: none; padding-top: 0; }
.where a { color: var(--muted); }
.sentence { margin: 2px 0 0; }
mark { background: var(--mark); color: inherit; border-radius: 3px; padding: 0 2px; }
.source { margin: 12px 0; }
.source h3 { font-size: 15px; margin: 0 0 6px; }
.source ol { margin: 0; padding-left: 48px; }
.source li { margin: 4px 0; }
.source li:target { outline: 2px solid var(--info); }
.empty { padding: 12px 0; }
"#;

const SCRIPT: &str = r#"
(function () {
  var findings = Array.prototype.slice.call(document.querySelectorAll('.finding'));
  var boxes = Array.prototype.slice.call(document.querySelectorAll('input[name=severity]'));
  var fact = document.getElementById('fact');
  var shown = document.getElementById('shown');
  function apply() {
    var severities = {};
    boxes.forEach(function (b) { severities[b.value] = b.checked; });
    var count = 0;
    findings.forEach(function (f) {
      var visible = severities[f.dataset.severity] && (fact.value === '' || fact.value === f.dataset.fact);
      f.hidden = !visible;
      if (visible) { count += 1; }
    });
    shown.textContent = String(count);
    document.body.dataset.shown = String(count);
  }
  boxes.forEach(function (b) { b.addEventListener('change', apply); });
  fact.addEventListener('change', apply);
  apply();
  document.body.dataset.ready = 'true';
})();
"#;

/// Renders the report as one HTML page.
pub fn render(report: &Report) -> String {
    let mut out = String::from("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    // No request may leave the page: no network, not even for images or fonts.
    out.push_str(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n",
    );
    out.push_str("<title>factlint report</title>\n<style>");
    out.push_str(STYLE);
    out.push_str("</style>\n</head>\n<body>\n");
    let anchors = Anchors::new(report);
    summary(&mut out, report);
    filters(&mut out, report);
    out.push_str("<main>\n<h2>Findings</h2>\n");
    if report.findings.is_empty() {
        out.push_str("<p class=\"empty\">The sources agree: no finding.</p>\n");
    }
    for (n, finding) in report.findings.iter().enumerate() {
        finding_section(&mut out, n, finding, &anchors);
    }
    sources(&mut out, report, &anchors);
    out.push_str("</main>\n<script>");
    out.push_str(SCRIPT);
    out.push_str("</script>\n</body>\n</html>\n");
    out
}

fn summary(out: &mut String, report: &Report) {
    let (errors, warnings, infos) = report.counts();
    let s = &report.summary;
    let _ = write!(
        out,
        "<header>\n<h1>factlint report</h1>\n<p class=\"counts\">\
         <span><strong>{}</strong></span>\
         <span class=\"badge sev-error\">{}</span> \
         <span class=\"badge sev-warning\">{}</span> \
         <span class=\"badge sev-info\">{}</span></p>\n\
         <p class=\"muted\">{}, {}, {}; {} not read.</p>\n",
        count(report.findings.len(), "finding", "findings"),
        count(errors, "error", "errors"),
        count(warnings, "warning", "warnings"),
        count(infos, "info", "infos"),
        count(s.sources, "source", "sources"),
        count(s.sentences, "sentence", "sentences"),
        count(s.claims, "claim", "claims"),
        count(s.errors, "source", "sources")
    );
    if !report.errors.is_empty() {
        out.push_str("<ul class=\"errors\">\n");
        for error in &report.errors {
            let _ = writeln!(
                out,
                "<li><strong>error</strong>: <code>{}</code>: {}</li>",
                esc(&error.source),
                esc(&error.message)
            );
        }
        out.push_str("</ul>\n");
    }
    // Notes on the run (a draft also named as a reference, the references' own
    // disagreements, silenced claims), as the text and JSON reports carry them.
    if !report.warnings.is_empty() {
        out.push_str("<ul class=\"notes\">\n");
        for warning in &report.warnings {
            let _ = writeln!(out, "<li><strong>note</strong>: {}</li>", esc(warning));
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</header>\n");
}

fn filters(out: &mut String, report: &Report) {
    out.push_str("<nav class=\"filters\" id=\"filters\" aria-label=\"Filters\">\n<span>Severity:</span>\n");
    for severity in ["error", "warning", "info"] {
        let _ = writeln!(
            out,
            "<label><input type=\"checkbox\" name=\"severity\" value=\"{severity}\" checked> {severity}</label>"
        );
    }
    out.push_str("<label>Fact: <select id=\"fact\">\n<option value=\"\">all</option>\n");
    let mut ids: Vec<&str> = report.findings.iter().map(|f| f.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    for id in ids {
        let _ = writeln!(out, "<option value=\"{0}\">{0}</option>", esc(id));
    }
    let _ = writeln!(
        out,
        "</select></label>\n<span class=\"muted\">showing <strong id=\"shown\">{}</strong> of {}</span>\n</nav>",
        report.findings.len(),
        report.findings.len()
    );
}

/// The id of each quoted sentence, so that claims link to their place under "Sources".
struct Anchors {
    sentences: BTreeMap<(Arc<str>, usize), String>,
}

impl Anchors {
    fn new(report: &Report) -> Anchors {
        let mut sentences = BTreeMap::new();
        for claim in report.findings.iter().flat_map(|f| &f.claims) {
            sentences.entry((claim.place.source.clone(), claim.place.sentence_index)).or_insert_with(String::new);
        }
        for (n, anchor) in sentences.values_mut().enumerate() {
            *anchor = format!("s{n}");
        }
        Anchors { sentences }
    }

    fn of(&self, claim: &Evidence) -> &str {
        self.sentences.get(&(claim.place.source.clone(), claim.place.sentence_index)).map_or("", String::as_str)
    }
}

fn finding_section(out: &mut String, n: usize, finding: &Finding, anchors: &Anchors) {
    let severity = finding.severity.as_str();
    let _ = write!(
        out,
        "<section class=\"finding sev-{severity}\" id=\"f{n}\" data-severity=\"{severity}\" data-fact=\"{}\" \
         data-kind=\"{}\">\n<h3><span class=\"badge\">{severity}</span> <code>{}</code> <span class=\"muted\">{}</span></h3>\n\
         <p class=\"message\">{}</p>\n",
        esc(&finding.id),
        finding.kind_str(),
        esc(&finding.id),
        finding.kind_str(),
        esc(&finding.message)
    );
    if let Some(note) = &finding.note {
        let _ = writeln!(out, "<p class=\"note\">{}</p>", esc(note));
    }
    let _ = writeln!(
        out,
        "<p class=\"muted\">{}</p>",
        esc(&format!("Sources by value: {}", agreement_line(&finding.claims)))
    );
    out.push_str("<div class=\"sides\">\n");
    let (shown, left_out) = shown_claims(finding);
    for (value, claims) in sides(shown) {
        let _ = writeln!(out, "<div class=\"side\">\n<h4>{}</h4>", esc(&value));
        for claim in claims {
            let excerpt = claim.excerpt();
            let _ = writeln!(
                out,
                "<div class=\"claim\"><div class=\"where\"><a href=\"#{}\">{}:{}:{}</a> · <span class=\"value\">{}</span></div>\
                 <p class=\"sentence\">{}</p></div>",
                anchors.of(claim),
                esc(&source_label(claim)),
                claim.place.line,
                claim.place.column,
                esc(&value_label(claim)),
                marked(&excerpt.text, &[(excerpt.claim, title(finding, claim))])
            );
        }
        out.push_str("</div>\n");
    }
    out.push_str("</div>\n");
    if left_out > 0 {
        let _ = writeln!(out, "<p class=\"muted\">{left_out} more claims ({}).</p>", listed_in_json(finding));
    }
    out.push_str("</section>\n");
}

/// The claims grouped by the value they say, outliers' values first.
fn sides(claims: &[Evidence]) -> Vec<(String, Vec<&Evidence>)> {
    let mut sides: Vec<(String, Vec<&Evidence>)> = Vec::new();
    for claim in claims {
        let value = describe(&claim.claim.value);
        match sides.iter_mut().find(|(v, _)| *v == value) {
            Some((_, group)) => group.push(claim),
            None => sides.push((value, vec![claim])),
        }
    }
    sides
}

fn title(finding: &Finding, claim: &Evidence) -> String {
    format!("{} ({}): {}", finding.id, finding.kind_str(), value_label(claim))
}

/// A range of a sentence to mark, with the mark's title.
type Mark = (Range<usize>, String);

/// The quoted sentences of one source by index, each with its marks.
type Sentences<'a> = BTreeMap<usize, (&'a str, Vec<Mark>)>;

/// The sentences the findings quote, by source, each with all its claims marked.
fn sources(out: &mut String, report: &Report, anchors: &Anchors) {
    let mut by_source: BTreeMap<&str, Sentences> = BTreeMap::new();
    for finding in &report.findings {
        for claim in &finding.claims {
            let sentence = by_source.entry(claim.place.source.as_ref()).or_default();
            let (_, marks) =
                sentence.entry(claim.place.sentence_index).or_insert((claim.place.sentence.as_ref(), Vec::new()));
            marks.push((claim.range_in_sentence(), title(finding, claim)));
        }
    }
    out.push_str("<h2>Sources</h2>\n<p class=\"muted\">The sentences quoted above, in each source's order.</p>\n");
    for source in &report.sources {
        let _ = write!(out, "<section class=\"source\">\n<h3><code>{}</code>", esc(&source.path));
        if let Some(published) = &source.published {
            let _ = write!(out, " <span class=\"muted\">published {}</span>", esc(published));
        }
        let _ = writeln!(
            out,
            " <span class=\"muted\">· {} sentences, {} claims</span></h3>",
            source.sentences, source.claims
        );
        match by_source.remove(source.path.as_str()) {
            Some(sentences) => sentence_list(out, source.path.as_str(), sentences, anchors),
            None => out.push_str("<p class=\"muted\">No finding quotes this source.</p>\n"),
        }
        out.push_str("</section>\n");
    }
    // Evidence from a source the summary does not list still gets shown.
    for (path, sentences) in by_source {
        let _ = writeln!(out, "<section class=\"source\">\n<h3><code>{}</code></h3>", esc(path));
        sentence_list(out, path, sentences, anchors);
        out.push_str("</section>\n");
    }
}

fn sentence_list(out: &mut String, path: &str, sentences: Sentences, anchors: &Anchors) {
    out.push_str("<ol>\n");
    for (index, (sentence, marks)) in sentences {
        let anchor = anchors.sentences.get(&(Arc::from(path), index)).map_or("", String::as_str);
        // Sentence numbers are 0-based in the data, 1-based for readers.
        let _ = writeln!(out, "<li value=\"{}\" id=\"{anchor}\">{}</li>", index + 1, marked(sentence, &marks));
    }
    out.push_str("</ol>\n");
}

/// The sentence, escaped, with each range in `<mark>` (titled); overlapping ranges
/// after the first are dropped, identical ones merged.
fn marked(sentence: &str, marks: &[Mark]) -> String {
    let mut marks: Vec<&Mark> = marks.iter().collect();
    marks.sort_by_key(|(range, _)| (range.start, range.end));
    let mut out = String::new();
    let mut at = 0;
    let mut i = 0;
    while i < marks.len() {
        let (range, first_title) = marks[i];
        let mut titles = vec![first_title.as_str()];
        i += 1;
        while i < marks.len() && marks[i].0 == *range {
            if !titles.contains(&marks[i].1.as_str()) {
                titles.push(marks[i].1.as_str());
            }
            i += 1;
        }
        if range.start < at {
            continue;
        }
        let (Some(before), Some(text)) = (sentence.get(at..range.start), sentence.get(range.clone())) else {
            continue;
        };
        let _ = write!(out, "{}<mark title=\"{}\">{}</mark>", esc(before), esc(&titles.join("\n")), esc(text));
        at = range.end;
    }
    out.push_str(&esc(sentence.get(at..).unwrap_or("")));
    out
}

/// HTML-escaped text, safe in element content and in quoted attributes.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}
