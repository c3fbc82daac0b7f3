//! Argon2id hashing, off the async runtime.

use argon2::password_hash::{PasswordHasher, PasswordVerifier, phc::PasswordHash};
use argon2::{Algorithm, Argon2, Params, Version};
use std::sync::LazyLock;

use crate::{Error, Result};

fn hasher(weak: bool) -> Result<Argon2<'static>> {
    let params = if weak {
        // Test suites only (Config::weak_password_hashing is never read from files or env).
        Params::new(1024, 1, 1, None)
    } else {
        Ok(Params::default())
    }
    .map_err(|e| Error::Internal(format!("argon2 params: {e}")))?;
    Ok(Argon2::new(Algorithm::Argon2id, Version::V0x13, params))
}

pub async fn hash(password: String, weak: bool) -> Result<String> {
    tokio::task::spawn_blocking(move || {
        let hash: PasswordHash = hasher(weak)?
            .hash_password(password.as_bytes())
            .map_err(|e| Error::Internal(format!("argon2: {e}")))?;
        Ok(hash.to_string())
    })
    .await
    .map_err(|e| Error::Internal(format!("hashing task: {e}")))?
}

/// Whether `password` matches `stored`; a malformed stored hash never matches.
pub async fn verify(password: String, stored: String) -> Result<bool> {
    tokio::task::spawn_blocking(move || matches(&password, &stored))
        .await
        .map_err(|e| Error::Internal(format!("hashing task: {e}")))
}

fn matches(password: &str, stored: &str) -> bool {
    let Ok(parsed) = PasswordHash::new(stored) else {
        return false;
    };
    // Parameters come from the stored hash, so weak test hashes verify too.
    Argon2::default()
        .verify_password(password.as_bytes(), &parsed)
        .is_ok()
}

/// A real hash of a random password, verified when the address is unknown so that a failed
/// login takes the same time whether or not the account exists. Made once, on first use.
static DUMMY_HASH: LazyLock<String> = LazyLock::new(|| {
    let mut secret = [0u8; 32];
    let _ = getrandom::fill(&mut secret);
    Argon2::default()
        .hash_password(&secret)
        .map(|h| h.to_string())
        .unwrap_or_default()
});

/// Like [`verify`], against the dummy hash: always false, at the cost of a real verification.
pub async fn verify_dummy(password: String) -> Result<bool> {
    tokio::task::spawn_blocking(move || matches(&password, &DUMMY_HASH))
        .await
        .map_err(|e| Error::Internal(format!("hashing task: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_hash_verifies_its_password_only() {
        let h = hash("correct horse battery".into(), true)
            .await
            .expect("hash");
        assert!(h.starts_with("$argon2id$"));
        assert!(
            verify("correct horse battery".into(), h.clone())
                .await
                .expect("verify")
        );
        assert!(!verify("wrong".into(), h).await.expect("verify"));
        assert!(!verify("x".into(), "garbage".into()).await.expect("verify"));
        assert!(!verify_dummy("x".into()).await.expect("verify"));
        assert!(
            DUMMY_HASH.starts_with("$argon2id$"),
            "the dummy is a real hash"
        );
    }
}
