//! Files attached to logbook entries and to an immersion's outputs. They are stored in the
//! database, so every application instance serves them; only known document and image types
//! are accepted, and their first bytes must match the type their name announces.

use super::capitalisation_store as store;
use super::{OutputVisibility, Party, readable_visibilities};
use crate::accounts::{Role, User};
use crate::validate::FieldErrors;
use crate::{Core, Error, Result};

/// At most this many files per form.
pub const MAX_FILES: usize = 5;

/// A file as received from a form.
#[derive(Debug, Clone, Default)]
pub struct Upload {
    pub filename: String,
    pub bytes: Vec<u8>,
}

/// A stored file, without its contents.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Attachment {
    pub id: String,
    pub agreement_id: String,
    pub logbook_entry_id: Option<String>,
    pub output_id: Option<String>,
    pub filename: String,
    pub content_type: String,
    pub size: i64,
    pub created_at: i64,
}

impl Attachment {
    /// The size for people: "12 Ko" / "3.4 Mo" is left to the template; kilobytes rounded up.
    pub fn kilobytes(&self) -> i64 {
        (self.size + 1023) / 1024
    }
}

/// What a file's extension means, and the bytes its contents must start with (empty: any, but
/// text files must be UTF-8).
struct Kind {
    extensions: &'static [&'static str],
    content_type: &'static str,
    magic: &'static [u8],
}

const ZIP: &[u8] = b"PK\x03\x04";

const KINDS: &[Kind] = &[
    Kind {
        extensions: &["pdf"],
        content_type: "application/pdf",
        magic: b"%PDF-",
    },
    Kind {
        extensions: &["png"],
        content_type: "image/png",
        magic: b"\x89PNG\r\n\x1a\n",
    },
    Kind {
        extensions: &["jpg", "jpeg"],
        content_type: "image/jpeg",
        magic: b"\xff\xd8\xff",
    },
    Kind {
        extensions: &["odt"],
        content_type: "application/vnd.oasis.opendocument.text",
        magic: ZIP,
    },
    Kind {
        extensions: &["ods"],
        content_type: "application/vnd.oasis.opendocument.spreadsheet",
        magic: ZIP,
    },
    Kind {
        extensions: &["odp"],
        content_type: "application/vnd.oasis.opendocument.presentation",
        magic: ZIP,
    },
    Kind {
        extensions: &["docx"],
        content_type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        magic: ZIP,
    },
    Kind {
        extensions: &["xlsx"],
        content_type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        magic: ZIP,
    },
    Kind {
        extensions: &["pptx"],
        content_type: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        magic: ZIP,
    },
    Kind {
        extensions: &["txt", "md"],
        content_type: "text/plain; charset=utf-8",
        magic: b"",
    },
    Kind {
        extensions: &["csv"],
        content_type: "text/csv; charset=utf-8",
        magic: b"",
    },
];

/// The extensions accepted, as a file input's `accept` attribute (".pdf,.png,…").
pub fn accept_attribute() -> String {
    KINDS
        .iter()
        .flat_map(|k| k.extensions.iter())
        .map(|e| format!(".{e}"))
        .collect::<Vec<_>>()
        .join(",")
}

/// The last path component of a browser-sent name, without control characters, at most 120
/// characters (keeping the extension).
pub fn clean_filename(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let clean: String = base
        .chars()
        .filter(|c| !c.is_control() && !matches!(c, '"' | ';'))
        .collect();
    let clean = clean.trim().trim_start_matches('.').to_owned();
    if clean.chars().count() <= 120 {
        return clean;
    }
    let ext: String = clean
        .rsplit_once('.')
        .map(|(_, e)| e.chars().take(10).collect())
        .unwrap_or_default();
    let stem: String = clean.chars().take(100).collect();
    if ext.is_empty() {
        stem
    } else {
        format!("{stem}.{ext}")
    }
}

/// A checked file, ready to store.
#[derive(Debug, Clone)]
pub struct CheckedFile {
    pub filename: String,
    pub content_type: &'static str,
    pub bytes: Vec<u8>,
}

/// Checks the files of one form under `field`: how many, their total size, their types.
/// Empty file inputs (no file chosen) are skipped.
pub fn check(
    errors: &mut FieldErrors,
    field: &'static str,
    uploads: &[Upload],
    max_bytes: usize,
) -> Vec<CheckedFile> {
    let files: Vec<&Upload> = uploads
        .iter()
        .filter(|u| !u.filename.trim().is_empty() || !u.bytes.is_empty())
        .collect();
    if files.len() > MAX_FILES {
        errors.add(field, "attachment-too-many");
        return Vec::new();
    }
    if files.iter().map(|u| u.bytes.len()).sum::<usize>() > max_bytes {
        errors.add(field, "attachment-too-large");
        return Vec::new();
    }
    let mut checked = Vec::new();
    for u in files {
        let filename = clean_filename(&u.filename);
        let ext = filename
            .rsplit_once('.')
            .map(|(_, e)| e.to_ascii_lowercase())
            .unwrap_or_default();
        let Some(kind) = KINDS.iter().find(|k| k.extensions.contains(&ext.as_str())) else {
            errors.add(field, "attachment-type");
            return Vec::new();
        };
        if u.bytes.is_empty() {
            errors.add(field, "attachment-empty");
            return Vec::new();
        }
        let matches = if kind.magic.is_empty() {
            std::str::from_utf8(&u.bytes).is_ok()
        } else {
            u.bytes.starts_with(kind.magic)
        };
        if !matches {
            errors.add(field, "attachment-content-mismatch");
            return Vec::new();
        }
        checked.push(CheckedFile {
            filename,
            content_type: kind.content_type,
            bytes: u.bytes.clone(),
        });
    }
    checked
}

/// A file and who may download it: files of public outputs to everyone; files of other outputs
/// to the agreement's parties and administrators; files of logbook entries to those who may
/// read the entry. Anyone else gets `NotFound`.
pub async fn download(core: &Core, user: Option<&User>, id: &str) -> Result<(Attachment, Vec<u8>)> {
    let mut conn = core.db.pool.acquire().await?;
    let a = store::attachment(&mut conn, id)
        .await?
        .ok_or(Error::NotFound)?;
    let allowed = if let Some(output_id) = &a.output_id {
        let public = store::output(&mut conn, output_id)
            .await?
            .is_some_and(|o| o.visibility == OutputVisibility::Public.code());
        public
            || readable_by_parties(&mut conn, user, &a.agreement_id)
                .await?
                .is_some()
    } else if let Some(entry_id) = &a.logbook_entry_id {
        match readable_by_parties(&mut conn, user, &a.agreement_id).await? {
            Some((parties, is_admin)) => {
                let visible = if parties.is_empty() && is_admin {
                    &["programme"][..]
                } else {
                    readable_visibilities(&parties)
                };
                let visibility = store::entry_visibility(&mut conn, entry_id).await?;
                visibility.is_some_and(|v| visible.contains(&v.as_str()))
            }
            None => false,
        }
    } else {
        false
    };
    if !allowed {
        return Err(Error::NotFound);
    }
    let data = store::attachment_data(&mut conn, id)
        .await?
        .ok_or(Error::NotFound)?;
    Ok((a, data))
}

/// The viewer's parties in the agreement (and whether they are an administrator), or `None`
/// when they may not see it.
async fn readable_by_parties(
    conn: &mut sqlx::AnyConnection,
    user: Option<&User>,
    agreement_id: &str,
) -> Result<Option<(Vec<Party>, bool)>> {
    let Some(user) = user else { return Ok(None) };
    match super::agreements::load_for(conn, user, agreement_id).await {
        Ok((_, parties)) => Ok(Some((parties, user.role == Role::Administrator))),
        Err(Error::NotFound) => Ok(None),
        Err(e) => Err(e),
    }
}

/// Stores checked files for a logbook entry or an output, inside the caller's transaction.
pub(super) async fn store_files(
    conn: &mut sqlx::AnyConnection,
    now: i64,
    owner: store::FileOwner<'_>,
    author_id: &str,
    files: &[CheckedFile],
) -> Result<()> {
    for f in files {
        store::insert_attachment(conn, now, &owner, author_id, f).await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn upload(name: &str, bytes: &[u8]) -> Upload {
        Upload {
            filename: name.into(),
            bytes: bytes.to_vec(),
        }
    }

    #[test]
    fn names_lose_their_path_and_control_characters() {
        assert_eq!(clean_filename("C:\\Users\\a\\notes.pdf"), "notes.pdf");
        assert_eq!(clean_filename("../../etc/passwd"), "passwd");
        assert_eq!(clean_filename("a\"b;\nc.txt"), "abc.txt");
        assert_eq!(clean_filename(".hidden.txt"), "hidden.txt");
        let long = format!("{}.pdf", "x".repeat(300));
        let cleaned = clean_filename(&long);
        assert!(cleaned.ends_with(".pdf") && cleaned.chars().count() <= 120);
    }

    #[test]
    fn contents_must_match_the_announced_type() {
        let mut e = FieldErrors::default();
        let ok = check(
            &mut e,
            "files",
            &[
                upload("a.pdf", b"%PDF-1.7 ..."),
                upload("b.txt", "été".as_bytes()),
            ],
            1000,
        );
        assert!(e.is_empty());
        assert_eq!(ok.len(), 2);
        assert_eq!(ok[0].content_type, "application/pdf");

        for (name, bytes, code) in [
            ("a.pdf", &b"<html>"[..], "attachment-content-mismatch"),
            ("a.exe", &b"MZ"[..], "attachment-type"),
            ("a", &b"x"[..], "attachment-type"),
            ("a.txt", &b"\xff\xfe"[..], "attachment-content-mismatch"),
            ("a.png", &b""[..], "attachment-empty"),
        ] {
            let mut e = FieldErrors::default();
            assert!(check(&mut e, "files", &[upload(name, bytes)], 1000).is_empty());
            assert_eq!(e.get("files"), Some(code), "{name}");
        }
    }

    #[test]
    fn size_and_count_are_bounded_and_empty_inputs_skipped() {
        let mut e = FieldErrors::default();
        check(&mut e, "files", &[upload("a.txt", &[b'a'; 11])], 10);
        assert_eq!(e.get("files"), Some("attachment-too-large"));
        let mut e = FieldErrors::default();
        let many: Vec<Upload> = (0..=MAX_FILES).map(|_| upload("a.txt", b"a")).collect();
        check(&mut e, "files", &many, 1000);
        assert_eq!(e.get("files"), Some("attachment-too-many"));
        let mut e = FieldErrors::default();
        assert!(check(&mut e, "files", &[upload("", b"")], 10).is_empty());
        assert!(e.is_empty());
    }
}
