//! Argon2id hashing, off the async runtime, with bounded memory.
//!
//! Each hash needs Argon2's working memory (19 MiB with the default parameters). Run without a
//! cap, 48 concurrent wrong logins took an instance from 162 MB to 1.1 GB. So hashing runs in
//! at most [`SLOTS`] places at once, with at most [`QUEUE`] more requests waiting
//! ([`Slots`]: beyond, 503 with `Retry-After`). The binary's allocator (mimalloc, see `crates/passerelle/src/main.rs`) gives
//! the freed working memory back to the system after a burst, which glibc's arenas did not.

use std::sync::LazyLock;

use argon2::password_hash::{PasswordHasher, PasswordVerifier, phc::PasswordHash};
use argon2::{Algorithm, Argon2, Params, Version};

use crate::slots::Slots;
use crate::{Error, Result};

/// Hashes computed at once: one per core is as fast as hashing gets; more only adds memory.
pub const SLOTS: usize = 2;
/// Requests waiting for a slot beyond which more are refused (about a second of work in a
/// release build). A waiting request holds no working memory, only its place in the queue.
pub const QUEUE: usize = 64;

static HASHING: Slots = Slots::new("password hashing", SLOTS, QUEUE);

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
    HASHING
        .run(move || {
            let hash: PasswordHash = hasher(weak)?
                .hash_password(password.as_bytes())
                .map_err(|e| Error::Internal(format!("argon2: {e}")))?;
            Ok(hash.to_string())
        })
        .await?
}

/// Whether `password` matches `stored`; a malformed stored hash never matches.
pub async fn verify(password: String, stored: String) -> Result<bool> {
    HASHING.run(move || matches(&password, &stored)).await
}

fn matches(password: &str, stored: &str) -> bool {
    let Ok(parsed) = PasswordHash::new(stored) else {
        return false;
    };
    // A stored hash asking for more working memory than ours (64 MiB) is not ours: refusing
    // it keeps the memory budget whatever the database holds.
    if Params::try_from(&parsed).map_or(true, |p| p.m_cost() > 64 * 1024) {
        return false;
    }
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
    HASHING.run(move || matches(&password, &DUMMY_HASH)).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_hash_verifies_its_password_only() {
        let h = hash("correct horse battery".into(), true)
            .await
            .expect("hash");
        assert!(h.starts_with("$argon2id$v=19$m=1024,t=1,p=1$"), "{h}");
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

    #[test]
    fn a_stored_hash_asking_for_too_much_memory_never_matches() {
        let greedy = "$argon2id$v=19$m=4194304,t=1,p=1$c29tZXNhbHQ$aGFzaGhhc2hoYXNoaGFzaA";
        assert!(!matches("x", greedy));
    }
}
