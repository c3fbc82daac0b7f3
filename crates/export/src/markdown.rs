//! The document model as Markdown, for people who keep notes in plain text or publish on a
//! wiki. Rich text is Markdown already and goes through unchanged.

use crate::pdf::{Block, Document};

fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

/// `doc` as Markdown.
pub fn render(doc: &Document) -> String {
    let mut md = format!("# {}\n\n", doc.title);
    if !doc.subtitle.is_empty() {
        md += &format!("*{}*\n\n", doc.subtitle);
    }
    for block in &doc.blocks {
        match block {
            Block::Heading(h) => md += &format!("## {h}\n\n"),
            Block::Subheading(h) => md += &format!("### {h}\n\n"),
            Block::Paragraph(p) | Block::Markdown(p) => md += &format!("{p}\n\n"),
            Block::List(items) => {
                for item in items {
                    md += &format!("- {item}\n");
                }
                md += "\n";
            }
            Block::Facts(rows) => {
                for (k, v) in rows {
                    md += &format!("- **{k}** : {v}\n");
                }
                md += "\n";
            }
            Block::Table { header, rows } => {
                let head: Vec<String> = header.iter().map(|h| cell(h)).collect();
                md += &format!(
                    "| {} |\n|{}\n",
                    head.join(" | "),
                    " --- |".repeat(head.len())
                );
                for row in rows {
                    let cells: Vec<String> = row.iter().map(|c| cell(c)).collect();
                    md += &format!("| {} |\n", cells.join(" | "));
                }
                md += "\n";
            }
            Block::Outline(_) => {}
        }
    }
    if !doc.footer.is_empty() {
        md += &format!("---\n\n{}\n", doc.footer);
    }
    md
}
