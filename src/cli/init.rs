//! `factlint init [PATH]`: a starting point for a folder of sources. It writes a
//! `factlint.yaml`, a `sources.yaml` in each folder of sources (every source with the
//! publication date it can read, marked as a guess where it guessed), and a
//! `rules/rules.yaml` with the names the sources share as entities and a commented
//! example fact. It never overwrites a file unless `--force`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use clap::Args;
use jiff::civil::Date;

use factlint::extract::{self, Context};
use factlint::segment;
use factlint::source::{self, DateOrigin, IgnoreFiles, Source};
use factlint::text;
use factlint::value::Value;

use super::CliError;

/// Options of `init`.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// The folder of sources (default: the current folder); the files go there.
    pub path: Option<PathBuf>,
    /// Overwrite files that already exist.
    #[arg(long)]
    pub force: bool,
}

/// How many shared names become entities at most.
const MAX_ENTITIES: usize = 12;

/// Runs `init`; exit code 0.
pub fn run(args: InitArgs) -> Result<i32, CliError> {
    let root = args.path.unwrap_or_else(|| PathBuf::from("."));
    if !root.is_dir() {
        return Err(CliError::Usage(format!("init: {} is not a folder", source::display_path(&root))));
    }
    let discovered =
        source::discover_walk(std::slice::from_ref(&root), IgnoreFiles::Honoured, source::Links::NotFollowed);
    for failure in &discovered.failures {
        eprintln!("warning: {}: {}", failure.source, failure.message);
    }
    let mut read = Vec::new();
    for (path, manifest) in &discovered.files {
        match Source::read(path, manifest.as_ref(), None) {
            Ok(source) => read.push(source),
            Err(e) => eprintln!("warning: {}: {e}", source::display_path(path)),
        }
    }
    if read.is_empty() {
        return Err(super::no_sources(std::slice::from_ref(&root), IgnoreFiles::Honoured));
    }
    let mut files: Vec<(PathBuf, String)> = Vec::new();
    files.push((root.join("factlint.yaml"), CONFIG.to_string()));
    let mut by_folder: BTreeMap<PathBuf, Vec<&Source>> = BTreeMap::new();
    for source in &read {
        by_folder.entry(source.path.parent().unwrap_or(Path::new("")).to_path_buf()).or_default().push(source);
    }
    for (folder, sources) in &by_folder {
        files.push((folder.join("sources.yaml"), manifest(folder, sources)));
    }
    let entities = shared_names(&read);
    if entities.is_empty() {
        eprintln!(
            "note: no name appears in two sources, so rules/rules.yaml has no entity; `check` needs a fact or an entity: uncomment the example fact"
        );
    }
    files.push((root.join("rules").join("rules.yaml"), rules_file(&entities, read.len())));
    for (path, text) in files {
        let shown = source::display_path(&path);
        if path.exists() && !args.force {
            eprintln!("kept {shown} (it exists; --force overwrites it)");
            continue;
        }
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(&path, text)?;
        eprintln!("wrote {shown}");
    }
    eprintln!(
        "next: `factlint rules check rules --against .` then `factlint check` in {}",
        source::display_path(&root)
    );
    Ok(0)
}

const CONFIG: &str = "\
# factlint's config (docs: README.md). Paths are relative to this file.
sources: [.]
rules: [rules]
# published: 2024-05-12   # reference date for sources that state none
# fail-on: error          # error | warning | info | never
# format: text            # text | json | markdown | sarif | html | github
";

/// A source's publication date and how it was found.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Dated {
    /// Read from the source's own metadata or an existing manifest.
    Known(Date, &'static str),
    /// Guessed: a dateline, a URL path.
    Guessed(Date, String),
    /// Nothing found.
    Unknown,
}

/// The publication date of a source: its metadata first, then a dateline (a full date
/// in its first three sentences), then a `/YYYY/MM/DD/` URL path in its text.
fn dated(source: &Source) -> Dated {
    if let (Some(date), Some(origin)) = (source.metadata.published, source.metadata.published_from) {
        let from = match origin {
            DateOrigin::Manifest => "manifest",
            DateOrigin::FrontMatter => "front matter",
            DateOrigin::Html => "HTML metadata",
            _ => "metadata",
        };
        return Dated::Known(date, from);
    }
    for sentence in segment::sentences(source).iter().take(3) {
        for claim in extract::extract(&sentence.text, &Context::default()) {
            if let Value::Date(timex) = &claim.value
                && let Some(date) = timex.date()
            {
                return Dated::Guessed(date, format!("dateline \"{}\"", claim.text));
            }
        }
    }
    let urls = source.metadata.url.iter().map(String::as_str).chain(source.text.split_whitespace());
    for url in urls.filter(|w| w.contains("://")) {
        if let Some(date) = url_date(url) {
            return Dated::Guessed(date, "URL path".to_string());
        }
    }
    Dated::Unknown
}

/// A date written as `/YYYY/MM/DD/` in a URL path.
fn url_date(url: &str) -> Option<Date> {
    let parts: Vec<&str> = url.split('/').collect();
    parts.windows(3).find_map(|w| {
        let all_digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
        if !(all_digits(w[0], 4) && all_digits(w[1], 2) && all_digits(w[2], 2)) {
            return None;
        }
        Date::new(w[0].parse().ok()?, w[1].parse().ok()?, w[2].parse().ok()?).ok()
    })
}

/// A YAML string: JSON's double-quoted strings are YAML's.
fn quoted(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_default()
}

/// The `sources.yaml` of one folder.
fn manifest(folder: &Path, sources: &[&Source]) -> String {
    let mut out = String::from(
        "# Sources and their publication dates, the anchor of \"yesterday\" and \"on Monday\"\n\
         # (docs/sources.md describes every key). Dates marked `guess` were guessed: check them.\n\
         sources:\n",
    );
    for source in sources {
        let name = source.path.strip_prefix(folder).unwrap_or(&source.path);
        out.push_str(&format!("  - path: {}\n", quoted(&source::display_path(name))));
        match dated(source) {
            Dated::Known(date, from) => out.push_str(&format!("    published: {date}  # from {from}\n")),
            Dated::Guessed(date, how) => out.push_str(&format!("    published: {date}  # guess: {how}\n")),
            Dated::Unknown => out.push_str("    # published: YYYY-MM-DD  # no date found\n"),
        }
        match &source.metadata.title {
            Some(title) => out.push_str(&format!("    title: {}\n", quoted(title))),
            None => out.push_str("    # title: \n"),
        }
        match &source.metadata.outlet {
            Some(outlet) => out.push_str(&format!("    outlet: {}\n", quoted(outlet))),
            None => out.push_str("    # outlet: \n"),
        }
        if let Some(url) = &source.metadata.url {
            out.push_str(&format!("    url: {}\n", quoted(url)));
        }
    }
    out
}

/// A name several sources share, with the spellings seen.
#[derive(Clone, Debug, PartialEq, Eq)]
struct SharedName {
    /// The spelling most sources use.
    name: String,
    /// How many sources name it.
    sources: usize,
    /// Every spelling, with the number of sources using it, most used first.
    spellings: Vec<(String, usize)>,
}

/// Where a name was seen: the sources (by index) naming it, and each spelling with
/// the sources using it.
type Sightings = (BTreeSet<usize>, BTreeMap<String, BTreeSet<usize>>);

/// Titles written before a name, not part of it.
const TITLES: &[&str] = &[
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Sir",
    "Mayor",
    "President",
    "Prime",
    "Minister",
    "Governor",
    "Senator",
    "General",
    "Chairman",
    "King",
    "Queen",
    "Pope",
    "Judge",
    "Chief",
    "Col",
    "Lt",
    "Gen",
    "Gov",
    "Sen",
    "Rep",
    "Capt",
    "Sgt",
];

/// Capitalized names (runs of capitalized words) that two sources or more mention,
/// most shared first. A single word counts only where no source writes it in lower
/// case too ("However" and "The" are words, "Beijing" is a name); runs break at
/// punctuation.
fn shared_names(sources: &[Source]) -> Vec<SharedName> {
    let mut lower_words: BTreeSet<String> = BTreeSet::new();
    let mut found: Vec<Vec<String>> = Vec::new();
    for source in sources {
        let mut runs = Vec::new();
        for sentence in segment::sentences(source) {
            for word in sentence.text.split_whitespace() {
                let word = word.trim_matches(|c: char| !c.is_alphanumeric());
                if word.chars().next().is_some_and(char::is_lowercase) {
                    lower_words.insert(word.to_string());
                }
            }
            runs.extend(capitalized_runs(&sentence.text));
        }
        found.push(runs);
    }
    // key -> (sources naming it, spelling -> sources using it)
    let mut names: BTreeMap<String, Sightings> = BTreeMap::new();
    for (index, runs) in found.iter().enumerate() {
        for run in runs {
            // "The Lindqvist Tunnel", "Mayor Mara Jensen": the name is what follows.
            let mut words: Vec<&str> = run.split(' ').collect();
            while words.len() > 1
                && (lower_words.contains(&words[0].to_lowercase()) || TITLES.contains(&words[0].trim_end_matches('.')))
            {
                words.remove(0);
            }
            let run = &words.join(" ");
            let single = words.len() == 1;
            let lower = run.to_lowercase();
            if single
                && (lower_words.contains(&lower)
                    || factlint::extract::is_month_or_weekday(&lower)
                    || TITLES.contains(&run.as_str()))
            {
                continue;
            }
            let (sources, spellings) = names.entry(text::compact(run)).or_default();
            sources.insert(index);
            spellings.entry(run.to_string()).or_default().insert(index);
        }
    }
    // "Frances Scott Key Bridge" is a spelling of "Francis Scott Key Bridge": names a
    // letter or two apart are merged into the one more sources use.
    let mut ranked: Vec<_> = names.into_iter().collect();
    ranked.sort_by(|a, b| b.1.0.len().cmp(&a.1.0.len()).then_with(|| a.0.cmp(&b.0)));
    let mut merged: Vec<(String, Sightings)> = Vec::new();
    for (key, (sources, spellings)) in ranked {
        let close = |other: &String| key.chars().count() >= 8 && strsim::normalized_levenshtein(&key, other) >= 0.85;
        match merged.iter_mut().find(|(other, _)| close(other)) {
            Some((_, (all, known))) => {
                all.extend(sources);
                for (spelling, by) in spellings {
                    known.entry(spelling).or_default().extend(by);
                }
            }
            None => merged.push((key, (sources, spellings))),
        }
    }
    let mut shared: Vec<SharedName> = merged
        .into_iter()
        .map(|(_, entry)| entry)
        .filter(|(sources, _)| sources.len() >= 2)
        .map(|(sources, spellings)| {
            let mut spellings: Vec<(String, usize)> = spellings.into_iter().map(|(s, n)| (s, n.len())).collect();
            spellings.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            SharedName { name: spellings[0].0.clone(), sources: sources.len(), spellings }
        })
        .collect();
    shared.sort_by(|a, b| b.sources.cmp(&a.sources).then_with(|| a.name.cmp(&b.name)));
    shared.truncate(MAX_ENTITIES);
    shared
}

/// The runs of capitalized words of a sentence, possessives dropped; punctuation
/// ends a run. The sentence's first word alone is no name ("The", "However"), but it
/// starts one when the next word is capitalized too ("Kim Jong Un said").
fn capitalized_runs(sentence: &str) -> Vec<String> {
    let mut runs = Vec::new();
    let mut run: Vec<&str> = Vec::new();
    let flush = |run: &mut Vec<&str>, runs: &mut Vec<String>| {
        if !run.is_empty() {
            runs.push(run.join(" "));
            run.clear();
        }
    };
    for raw in sentence.split_whitespace() {
        let lead = raw.trim_start_matches(|c: char| !c.is_alphanumeric());
        let core = lead.trim_end_matches(|c: char| !c.is_alphanumeric());
        if lead.len() < raw.len() {
            // "(Reuters" or a quotation opens a new run.
            flush(&mut run, &mut runs);
        }
        let word = text::strip_possessive(core);
        if word.chars().next().is_some_and(char::is_uppercase) {
            run.push(word);
        } else {
            flush(&mut run, &mut runs);
        }
        // Punctuation or a possessive ends a name: "Baltimore's Key Bridge" is two.
        if core.len() < lead.len() || word.len() < core.len() {
            flush(&mut run, &mut runs);
        }
    }
    flush(&mut run, &mut runs);
    if let Some(opening) = sentence.split_whitespace().next()
        && runs.first().is_some_and(|r| r == opening.trim_matches(|c: char| !c.is_alphanumeric()))
    {
        runs.remove(0);
    }
    runs
}

/// An entity id from a name: lower case, words joined by `-`.
fn slug(name: &str) -> String {
    let words: Vec<String> =
        name.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect();
    if words.is_empty() { "entity".to_string() } else { words.join("-") }
}

/// The skeleton rule file: the shared names as entities, and an example fact in
/// comments.
fn rules_file(names: &[SharedName], sources: usize) -> String {
    let mut out = format!(
        "# Rules written by `factlint init` from {sources} source(s); docs/rules.md describes every key.\n\
         # `factlint rules check rules --against .` says which rules take nothing,\n\
         # `factlint explain FACT` why a fact took or refused each claim.\n"
    );
    let mut first_id = None;
    if !names.is_empty() {
        out.push_str("# The names two sources or more mention, most shared first. A spelling that is\n");
        out.push_str("# not the `name` nor an alias is reported as a variant: list the right ones in `aliases`.\n");
        out.push_str("entities:\n");
        let mut ids = BTreeSet::new();
        for name in names {
            let mut id = slug(&name.name);
            let mut n = 2;
            while ids.contains(&id) {
                id = format!("{}-{n}", slug(&name.name));
                n += 1;
            }
            ids.insert(id.clone());
            first_id.get_or_insert_with(|| id.clone());
            let spellings: Vec<String> = name.spellings.iter().map(|(s, n)| format!("{} ({n})", quoted(s))).collect();
            out.push_str(&format!("  # in {} sources; spellings: {}\n", name.sources, spellings.join(", ")));
            out.push_str(&format!("  {id}:\n    name: {}\n", quoted(&name.name)));
        }
    }
    let about = first_id.unwrap_or_else(|| "ENTITY".to_string());
    out.push_str(&format!(
        "\n# An example fact: uncomment it, say what it is about and which words announce it.\n\
         # facts:\n\
         #   visit-length:\n\
         #     description: How long the visit lasted\n\
         #     claim: duration        # date, date-range, duration, number, quantity, ordinal\n\
         #     about: [{about}]\n\
         #     cues: [visit, trip]\n\
         #     # exclude: [second]    # words that mean another event\n\
         #     examples:\n\
         #       match:\n\
         #         - sentence: The visit lasted four days.\n\
         #           value: P4D\n"
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capitalized_runs_are_names_not_sentence_openings() {
        let table: [(&str, &[&str]); 6] = [
            ("The talks in Geneva ended.", &["Geneva"]),
            ("Kim Jong Un arrived in Beijing on Monday.", &["Kim Jong Un", "Beijing", "Monday"]),
            ("Officials said Xi's guests, Kim and Ri, left.", &["Xi", "Kim", "Ri"]),
            ("Crews cleared Baltimore's Key Bridge site.", &["Baltimore", "Key Bridge"]),
            ("However, the Red Cross said so.", &["Red Cross"]),
            ("It rained.", &[]),
        ];
        for (sentence, want) in table {
            assert_eq!(capitalized_runs(sentence), want, "{sentence}");
        }
    }

    #[test]
    fn url_paths_give_whole_dates() {
        assert_eq!(url_date("https://example.com/2024/05/12/quake.html"), Some(jiff::civil::date(2024, 5, 12)));
        assert_eq!(url_date("https://example.com/2024/05/quake"), None);
        assert_eq!(url_date("https://example.com/2024/13/40/x"), None);
    }

    #[test]
    fn ids_are_slugs() {
        assert_eq!(slug("Kim Jong-un"), "kim-jong-un");
        assert_eq!(slug("Côte d'Ivoire"), "côte-d-ivoire");
    }
}
