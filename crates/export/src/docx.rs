//! The same document model as the PDFs, written as a Word document (DOCX, which LibreOffice
//! opens too) for people who edit: headings as real heading styles (so the table of contents
//! and the navigation pane work), bulleted lists, tables, page numbers in the footer.

use docx_rs::{
    AbstractNumbering, BreakType, Docx, Footer, IndentLevel, Level, LevelJc, LevelText,
    NumberFormat, Numbering, NumberingId, PageNum, Paragraph, Run, SpecialIndentType, Start, Style,
    StyleType, Table, TableCell, TableOfContents, TableRow,
};

use crate::pdf::{Block, Document};

#[derive(Debug, thiserror::Error)]
#[error("docx: {0}")]
pub struct DocxError(String);

const BULLETS: usize = 1;
const NUMBERS: usize = 2;

fn text(s: &str) -> Paragraph {
    Paragraph::new().add_run(Run::new().add_text(s))
}

fn item(s: &str, numbering: usize) -> Paragraph {
    text(s).numbering(NumberingId::new(numbering), IndentLevel::new(0))
}

/// Paragraphs for Markdown: emphasis, lists and sub-headings kept; anything else as text.
fn markdown(md: &str) -> Vec<Paragraph> {
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};
    let mut out = vec![];
    let mut p = Paragraph::new();
    let (mut bold, mut italic) = (false, false);
    let mut lists: Vec<bool> = vec![];
    let mut heading = false;
    for event in Parser::new(md) {
        match event {
            Event::Start(Tag::Heading { .. }) => heading = true,
            Event::Start(Tag::Item) => {
                let ordered = lists.last() == Some(&true);
                p = Paragraph::new().numbering(
                    NumberingId::new(if ordered { NUMBERS } else { BULLETS }),
                    IndentLevel::new(lists.len().saturating_sub(1).min(8)),
                );
            }
            Event::Start(Tag::List(first)) => lists.push(first.is_some()),
            Event::End(TagEnd::List(_)) => {
                lists.pop();
            }
            Event::Start(Tag::Strong) => bold = true,
            Event::End(TagEnd::Strong) => bold = false,
            Event::Start(Tag::Emphasis) => italic = true,
            Event::End(TagEnd::Emphasis) => italic = false,
            Event::Text(t) | Event::Code(t) => {
                let mut run = Run::new().add_text(t.as_ref());
                if bold {
                    run = run.bold();
                }
                if italic {
                    run = run.italic();
                }
                p = p.add_run(run);
            }
            Event::SoftBreak => p = p.add_run(Run::new().add_text(" ")),
            Event::HardBreak => p = p.add_run(Run::new().add_break(BreakType::TextWrapping)),
            Event::End(TagEnd::Heading(_)) => {
                out.push(std::mem::replace(&mut p, Paragraph::new()).style("Heading3"));
                heading = false;
            }
            Event::End(TagEnd::Paragraph) if lists.is_empty() && !heading => {
                out.push(std::mem::replace(&mut p, Paragraph::new()));
            }
            Event::End(TagEnd::Item) => out.push(std::mem::replace(&mut p, Paragraph::new())),
            _ => {}
        }
    }
    out
}

fn table(header: &[String], rows: &[Vec<String>]) -> Table {
    let cell = |s: &str, bold: bool| {
        let run = Run::new().add_text(s);
        TableCell::new().add_paragraph(Paragraph::new().add_run(if bold {
            run.bold()
        } else {
            run
        }))
    };
    let mut all = vec![TableRow::new(
        header.iter().map(|h| cell(h, true)).collect(),
    )];
    for row in rows {
        all.push(TableRow::new(
            (0..header.len())
                .map(|i| cell(row.get(i).map(String::as_str).unwrap_or(""), false))
                .collect(),
        ));
    }
    Table::new(all)
}

/// Writes `doc` as DOCX.
pub fn render(doc: &Document) -> Result<Vec<u8>, DocxError> {
    let list = |id: usize, format: &str, marker: &str| {
        AbstractNumbering::new(id).add_level(
            Level::new(
                0,
                Start::new(1),
                NumberFormat::new(format),
                LevelText::new(marker),
                LevelJc::new("left"),
            )
            .indent(Some(720), Some(SpecialIndentType::Hanging(360)), None, None),
        )
    };
    let mut d = Docx::new()
        .add_style(
            Style::new("Title", StyleType::Paragraph)
                .name("Title")
                .size(36)
                .bold(),
        )
        .add_style(
            Style::new("Heading1", StyleType::Paragraph)
                .name("Heading 1")
                .size(28)
                .bold(),
        )
        .add_style(
            Style::new("Heading2", StyleType::Paragraph)
                .name("Heading 2")
                .size(24)
                .bold(),
        )
        .add_style(
            Style::new("Heading3", StyleType::Paragraph)
                .name("Heading 3")
                .size(22)
                .bold(),
        )
        .add_abstract_numbering(list(BULLETS, "bullet", "•"))
        .add_numbering(Numbering::new(BULLETS, BULLETS))
        .add_abstract_numbering(list(NUMBERS, "decimal", "%1."))
        .add_numbering(Numbering::new(NUMBERS, NUMBERS))
        .footer(
            Footer::new().add_paragraph(
                Paragraph::new()
                    .add_run(Run::new().add_text(format!("{} · ", doc.footer)))
                    .add_page_num(PageNum::new()),
            ),
        )
        .add_paragraph(text(&doc.title).style("Title"));
    if !doc.subtitle.is_empty() {
        d = d.add_paragraph(text(&doc.subtitle));
    }
    for block in &doc.blocks {
        match block {
            Block::Heading(h) => d = d.add_paragraph(text(h).style("Heading1")),
            Block::Subheading(h) => d = d.add_paragraph(text(h).style("Heading2")),
            Block::Paragraph(p) => {
                for line in p.split("\n\n") {
                    d = d.add_paragraph(text(line));
                }
            }
            Block::Markdown(md) => {
                for p in markdown(md) {
                    d = d.add_paragraph(p);
                }
            }
            Block::List(items) => {
                for i in items {
                    d = d.add_paragraph(item(i, BULLETS));
                }
            }
            Block::Facts(rows) => {
                let rows: Vec<Vec<String>> = rows
                    .iter()
                    .map(|(k, v)| vec![k.clone(), v.clone()])
                    .collect();
                let (head, rest) = rows
                    .split_first()
                    .map(|(h, r)| (h.clone(), r.to_vec()))
                    .unwrap_or_default();
                d = d.add_table(table(&head, &rest));
            }
            Block::Table { header, rows } => d = d.add_table(table(header, rows)),
            Block::Outline(title) => {
                d = d.add_table_of_contents(
                    TableOfContents::new()
                        .heading_styles_range(1, 2)
                        .alias(title)
                        .auto(),
                )
            }
        }
    }
    let mut out = std::io::Cursor::new(Vec::new());
    d.build()
        .pack(&mut out)
        .map_err(|e| DocxError(e.to_string()))?;
    Ok(out.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_document_with_every_block_writes_a_word_file() {
        let doc = Document {
            title: "Conférences familiales".into(),
            subtitle: "Pratique émergente".into(),
            lang: "fr".into(),
            footer: "CC BY 4.0".into(),
            blocks: vec![
                Block::Outline("Sommaire".into()),
                Block::Heading("Description".into()),
                Block::Markdown("La **famille** décide.\n\n- un\n- deux".into()),
                Block::Table {
                    header: vec!["Indicateur".into(), "Valeur".into()],
                    rows: vec![vec!["Conférences".into(), "14".into()]],
                },
            ],
        };
        let bytes = render(&doc).expect("docx");
        assert!(bytes.starts_with(b"PK"));
        let text = read_back(&bytes);
        for needle in [
            "Conférences familiales",
            "famille",
            "Indicateur",
            "14",
            "deux",
        ] {
            assert!(text.contains(needle), "{needle} missing");
        }
    }

    /// Every piece of text of a DOCX, as docx-rs reads the file back.
    fn read_back(bytes: &[u8]) -> String {
        docx_rs::read_docx(bytes).expect("a readable DOCX").json()
    }
}
