//! Names: where a sentence writes one of the rules' entities (its house spelling, an
//! alias, or a spelling close to one: `Kim Jong-un`, `Kim Jung Un` for `Kim Jong Un`)
//! and where it expands an entity's acronym, written as `DPRK (Democratic ...)`,
//! `... Korea (DPRK)`, or on its own when it is the rule's expansion or a near miss
//! of it.
//!
//! The entities come as plain data ([`NamedEntity`]) and are compiled once per run
//! into [`Spellings`], as the rules' cue matcher is compiled once: extraction knows
//! nothing of rule files. Whether a spelling makes a finding is the checker's to say.
//!
//! - `spelling`: how a written spelling relates to a rule's (same, variant, other);
//! - `scan`: the name and expansion claims of one sentence;
//! - `proper`: the proper names, acronyms and expansions a sentence writes, without
//!   rules (what discovering entities across sources starts from).

mod proper;
mod scan;
mod spelling;

use std::collections::HashSet;

pub use proper::{ProperKind, ProperName, initials_spell, proper_names};
pub use scan::{names, names_and_mentions};
pub use spelling::{Decision, Form, decide};

/// A place where a sentence writes an entity, by any of its spellings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    /// Byte span in the sentence.
    pub span: crate::span::Span,
    /// The id of the entity named.
    pub entity: String,
}

/// An entity as the name scan reads it: its id and the ways it is written.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NamedEntity {
    /// The entity's id, given to its claims.
    pub id: String,
    /// The house spelling; empty (or blank) when the entity has none.
    pub name: String,
    /// Other accepted spellings.
    pub aliases: Vec<String>,
    /// The acronyms among the name and aliases.
    pub acronyms: Vec<String>,
    /// What the acronym stands for, when the rule says.
    pub expansion: Option<String>,
}

/// One way a rule writes an entity, prepared for comparison.
#[derive(Clone, Debug)]
struct Spelling {
    /// Index of the entity in [`Spellings`]' entities.
    entity: usize,
    /// The spelling as the rule writes it.
    text: String,
    form: Form,
    /// Whether it is the house spelling (not an alias).
    house: bool,
    /// An alias of an entity without a house spelling: its uses are counted, since
    /// the spelling most sources use becomes the consensus.
    counted: bool,
}

/// The rules' entities compiled once for the name scan: every spelling prepared for
/// comparison, and the words they are made of.
#[derive(Clone, Debug, Default)]
pub struct Spellings {
    /// The entities, in the order given (the rules' id order).
    entities: Vec<NamedEntity>,
    spellings: Vec<Spelling>,
    /// Every word of every spelling, in its plain form ([`crate::text::plain`]).
    vocabulary: HashSet<String>,
    /// The plain forms of the one-word spellings long enough to be read with a typo.
    single_words: Vec<String>,
}

impl Spellings {
    /// Compiles the spellings of `entities`, whose order is the order of their
    /// expansion claims at one place.
    pub fn new(entities: Vec<NamedEntity>) -> Spellings {
        let mut spellings = Vec::new();
        for (index, entity) in entities.iter().enumerate() {
            let counted = entity.name.trim().is_empty();
            let names = std::iter::once((&entity.name, true)).chain(entity.aliases.iter().map(|a| (a, false)));
            for (text, house) in names {
                let form = Form::new(text);
                if !form.words.is_empty() {
                    spellings.push(Spelling {
                        entity: index,
                        text: text.clone(),
                        form,
                        house,
                        counted: counted && !house,
                    });
                }
            }
        }
        let vocabulary = spellings.iter().flat_map(|s| s.form.words.iter().cloned()).collect();
        let single_words = spellings
            .iter()
            .filter(|s| s.form.words.len() == 1 && s.form.plain.chars().count() >= spelling::SHORTEST_SINGLE_TYPO)
            .map(|s| s.form.plain.clone())
            .collect();
        Spellings { entities, spellings, vocabulary, single_words }
    }

    /// True when there is no entity to look for.
    pub fn is_empty(&self) -> bool {
        self.entities.is_empty()
    }
}
