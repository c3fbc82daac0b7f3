//! PDF documents rendered in process with typst: a small document model in, PDF bytes out.
//! Everything user-typed reaches typst as string literals (`#"…"`), never as markup, so no
//! character in a name or a text can change the layout or run code. Fonts come from
//! `typst-assets` (embedded in the binary); nothing is read from disk or the network.

use std::sync::OnceLock;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, Source};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_layout::PagedDocument;

/// One block of a document.
#[derive(Debug, Clone)]
pub enum Block {
    Heading(String),
    Paragraph(String),
    /// Label / value pairs, as a two-column table.
    Facts(Vec<(String, String)>),
    List(Vec<String>),
    /// A sub-heading (one level below [`Block::Heading`]).
    Subheading(String),
    /// Markdown (paragraphs, emphasis, lists, sub-headings), typeset; never read as typst.
    Markdown(String),
    /// A table with a header row.
    Table {
        header: Vec<String>,
        rows: Vec<Vec<String>>,
    },
    /// The table of contents of the document's headings.
    Outline(String),
}

/// A plain document: a title block, blocks, and a footer on every page with the page number.
#[derive(Debug, Clone, Default)]
pub struct Document {
    pub title: String,
    pub subtitle: String,
    pub lang: String,
    pub footer: String,
    pub blocks: Vec<Block>,
}

#[derive(Debug, thiserror::Error)]
#[error("pdf: {0}")]
pub struct PdfError(String);

/// Whether `c` is right-to-left or a directional mark: text holding one can reorder what
/// stands beside it in a line.
fn directional(c: char) -> bool {
    matches!(
        c,
        '\u{590}'..='\u{8ff}'
            | '\u{200e}'..='\u{200f}'
            | '\u{fb1d}'..='\u{fdff}'
            | '\u{fe70}'..='\u{feff}'
            | '\u{10800}'..='\u{10fff}'
            | '\u{1e800}'..='\u{1efff}'
    )
}

/// A typst string literal holding `s`, line breaks kept. A line holding right-to-left text or
/// a directional mark is a bidirectional isolate (FSI … PDI, as `<bdi>` in pages), so that it
/// never reorders the text around it.
fn lit(s: &str) -> String {
    let lines: Vec<String> = s
        .lines()
        .map(|line| {
            let escaped = line.replace('\\', "\\\\").replace('"', "\\\"");
            if line.chars().any(directional) {
                format!("#\"\u{2068}{escaped}\u{2069}\"")
            } else {
                format!("#\"{escaped}\"")
            }
        })
        .collect();
    if lines.is_empty() {
        "#\"\"".to_owned()
    } else {
        lines.join(" \\\n")
    }
}

/// The typst source of a document (public for tests and debugging).
pub fn markup(doc: &Document) -> String {
    let lang: String = doc
        .lang
        .chars()
        .filter(char::is_ascii_lowercase)
        .take(3)
        .collect();
    let title = doc.title.replace('\\', "\\\\").replace('"', "\\\"");
    let lang = if lang.is_empty() {
        "fr".to_owned()
    } else {
        lang
    };
    let mut m = format!(
        concat!(
            "#set document(title: \"{title}\")\n",
            "#set page(paper: \"a4\", margin: (x: 2cm, top: 2.2cm, bottom: 2.6cm), footer: context [#set text(size: 8pt, fill: luma(90)); {footer} #h(1fr) #counter(page).display(\"1 / 1\", both: true)])\n",
            // A print layout for reading: 11 pt, airy lines, headings set off from the text.
            "#set text(size: 11pt, lang: \"{lang}\")\n",
            "#set par(justify: true, leading: 0.78em, spacing: 1.2em)\n",
            "#set list(spacing: 0.9em, indent: 0.4em)\n#set enum(spacing: 0.9em, indent: 0.4em)\n",
            "#show heading.where(level: 2): it => block(above: 1.9em, below: 0.9em, sticky: true)[#set text(size: 13.5pt, fill: rgb(\"#1d4e89\")); #it.body]\n",
            "#show heading.where(level: 3): it => block(above: 1.4em, below: 0.7em, sticky: true)[#set text(size: 11.5pt); #it.body]\n",
            "#show table: set par(justify: false)\n\n",
            "#block(below: 0.6em)[#set par(justify: false); #text(size: 18pt, weight: \"bold\", hyphenate: false)[{t}]]\n\n",
            "#block(below: 1.4em)[#text(size: 12pt, fill: luma(70))[{sub}]]\n\n",
        ),
        title = title,
        lang = lang,
        footer = lit(&doc.footer),
        t = lit(&doc.title),
        sub = lit(&doc.subtitle),
    );
    for block in &doc.blocks {
        match block {
            Block::Heading(h) => m += &format!("\n== {}\n\n", lit(h)),
            Block::Paragraph(p) => m += &format!("{}\n\n", lit(p)),
            Block::Facts(rows) => {
                m += "#table(columns: (35%, 65%), stroke: 0.4pt + luma(180), inset: 7pt,\n";
                for (k, v) in rows {
                    m += &format!("  [#strong[{}]], [{}],\n", lit(k), lit(v));
                }
                m += ")\n\n";
            }
            Block::List(items) => {
                for item in items {
                    m += &format!("- {}\n", lit(item));
                }
                m += "\n";
            }
            Block::Subheading(h) => m += &format!("\n=== {}\n\n", lit(h)),
            Block::Markdown(md) => m += &markdown(md),
            Block::Table { header, rows } => {
                let n = header.len().max(1);
                m += &format!(
                    "#table(columns: {n}, stroke: 0.4pt + luma(180), inset: 7pt, fill: (_, y) => if y == 0 {{ luma(235) }},\n"
                );
                m += "  table.header(";
                for h in header {
                    m += &format!("[#strong[{}]], ", lit(h));
                }
                m += "),\n";
                for row in rows {
                    for i in 0..n {
                        m += &format!(
                            "  [{}], ",
                            lit(row.get(i).map(String::as_str).unwrap_or(""))
                        );
                    }
                    m += "\n";
                }
                m += ")\n\n";
            }
            Block::Outline(title) => {
                m += &format!(
                    "#outline(title: [{}], depth: 2)\n#pagebreak()\n\n",
                    lit(title)
                );
            }
        }
    }
    m
}

/// Typst markup for Markdown: the structure is rebuilt from pulldown-cmark's events and every
/// piece of text goes in as a string literal, so nothing typed can become typst code.
fn markdown(md: &str) -> String {
    use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};
    let mut m = String::new();
    let mut lists: Vec<bool> = vec![];
    for event in Parser::new(md) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                m += if level <= HeadingLevel::H2 {
                    "\n=== "
                } else {
                    "\n==== "
                }
            }
            Event::End(TagEnd::Heading(_)) => m += "\n\n",
            Event::Start(Tag::Paragraph) => {}
            Event::End(TagEnd::Paragraph) => m += if lists.is_empty() { "\n\n" } else { " " },
            Event::Start(Tag::List(first)) => {
                lists.push(first.is_some());
                m += "\n";
            }
            Event::End(TagEnd::List(_)) => {
                lists.pop();
                m += "\n";
            }
            Event::Start(Tag::Item) => {
                let depth = lists.len().saturating_sub(1);
                let marker = if lists.last() == Some(&true) {
                    "+"
                } else {
                    "-"
                };
                m += &format!("\n{}{marker} ", "  ".repeat(depth));
            }
            Event::End(TagEnd::Item) => {}
            Event::Start(Tag::Strong) => m += "#strong[",
            Event::Start(Tag::Emphasis) => m += "#emph[",
            Event::End(TagEnd::Strong | TagEnd::Emphasis) => m += "]",
            Event::Text(t) | Event::Code(t) => m += &lit(&t),
            Event::SoftBreak => m += " ",
            Event::HardBreak => m += " \\\n",
            Event::Rule => m += "\n#line(length: 100%)\n",
            _ => {}
        }
    }
    m + "\n\n"
}

struct Fonts {
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

fn fonts() -> &'static Fonts {
    static FONTS: OnceLock<Fonts> = OnceLock::new();
    FONTS.get_or_init(|| {
        let fonts: Vec<Font> = typst_assets::fonts()
            .flat_map(|data| {
                let bytes = Bytes::new(data);
                (0..).map_while(move |i| Font::new(bytes.clone(), i))
            })
            .collect();
        Fonts {
            book: LazyHash::new(FontBook::from_fonts(&fonts)),
            fonts,
        }
    })
}

fn library() -> &'static LazyHash<Library> {
    static LIBRARY: OnceLock<LazyHash<Library>> = OnceLock::new();
    LIBRARY.get_or_init(|| LazyHash::new(Library::default()))
}

struct InMemory {
    source: Source,
    today: Option<Datetime>,
}

impl World for InMemory {
    fn library(&self) -> &LazyHash<Library> {
        library()
    }
    fn book(&self) -> &LazyHash<FontBook> {
        &fonts().book
    }
    fn main(&self) -> FileId {
        self.source.id()
    }
    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.source.id() {
            Ok(self.source.clone())
        } else {
            Err(FileError::AccessDenied)
        }
    }
    fn file(&self, _: FileId) -> FileResult<Bytes> {
        Err(FileError::AccessDenied)
    }
    fn font(&self, index: usize) -> Option<Font> {
        fonts().fonts.get(index).cloned()
    }
    fn today(&self, _: Option<Duration>) -> Option<Datetime> {
        self.today
    }
}

/// Renders `doc` as PDF. `today` is `(year, month, day)` for the document's date.
pub fn render(doc: &Document, today: (i32, u8, u8)) -> Result<Vec<u8>, PdfError> {
    let world = InMemory {
        source: Source::detached(markup(doc)),
        today: Datetime::from_ymd(today.0, today.1, today.2),
    };
    let compiled: PagedDocument = typst::compile(&world).output.map_err(|errors| {
        PdfError(
            errors
                .iter()
                .map(|e| e.message.to_string())
                .collect::<Vec<_>>()
                .join("; "),
        )
    })?;
    typst_pdf::pdf(&compiled, &typst_pdf::PdfOptions::default()).map_err(|errors| {
        PdfError(
            errors
                .iter()
                .map(|e| e.message.to_string())
                .collect::<Vec<_>>()
                .join("; "),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text of a PDF as `pdftotext` (poppler-utils, installed by `scripts/test`) reads it.
    pub fn read_back(pdf: &[u8]) -> String {
        use std::io::Write;
        let mut child = std::process::Command::new("pdftotext")
            .args(["-layout", "-", "-"])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .expect("pdftotext (poppler-utils) must be installed: scripts/test installs it");
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(pdf)
            .expect("write");
        let out = child.wait_with_output().expect("pdftotext");
        assert!(out.status.success(), "pdftotext failed");
        String::from_utf8(out.stdout).expect("utf-8")
    }

    #[test]
    fn right_to_left_user_text_is_isolated_from_its_neighbours() {
        assert_eq!(lit("Ana Dubois"), "#\"Ana Dubois\"");
        assert_eq!(lit("محمد 3"), "#\"\u{2068}محمد 3\u{2069}\"");
        assert_eq!(lit("a\u{200f}b"), "#\"\u{2068}a\u{200f}b\u{2069}\"");
        let pdf = render(
            &Document {
                title: "محمد".into(),
                blocks: vec![Block::Paragraph("Participant : محمد (3 jours)".into())],
                ..Default::default()
            },
            (2026, 1, 1),
        )
        .expect("renders");
        assert!(pdf.starts_with(b"%PDF"));
    }

    #[test]
    fn user_text_cannot_inject_markup() {
        let m = markup(&Document {
            title: "A \"quoted\" #title".into(),
            blocks: vec![Block::Paragraph(
                "#import \"x\": * \\ ]\n[second line".into(),
            )],
            ..Default::default()
        });
        assert!(m.contains(r##"#"#import \"x\": * \\ ]" \"##));
        assert!(m.contains(r##"#"[second line""##));
    }

    #[test]
    fn a_document_renders_and_reads_back() {
        let doc = Document {
            title: "Convention d'immersion".into(),
            subtitle: "Version 2 — approuvée".into(),
            lang: "fr".into(),
            footer: "Passerelle".into(),
            blocks: vec![
                Block::Heading("Parties".into()),
                Block::Facts(vec![("Participant·e".into(), "Marc Membre".into())]),
                Block::List(vec!["Comprendre la décision en équipe".into()]),
            ],
        };
        let bytes = render(&doc, (2026, 11, 22)).expect("pdf");
        assert!(bytes.starts_with(b"%PDF-"));
        let text = read_back(&bytes);
        for needle in [
            "Convention d'immersion",
            "Marc Membre",
            "Comprendre la décision en équipe",
            "Passerelle",
        ] {
            assert!(text.contains(needle), "{needle} missing from {text}");
        }
        // The page number in the footer ("1 / 1"; pdftotext may drop the spaces).
        assert!(text.replace(' ', "").contains("1/1"), "{text}");
    }
}
