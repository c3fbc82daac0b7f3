//! Rate limits that hold under concurrency: an attempt is counted *before* the work it
//! protects, by one statement that counts and returns the new count (see migration 0017).
//! Checking earlier failures and recording afterwards let 150 concurrent logins all pass the
//! check; counted first, the attempt past the limit is refused whatever arrives at once.
//!
//! Windows are fixed: they start at the first attempt and last `window_secs`; the attempt after
//! a window ends starts a new one.

use sqlx::AnyConnection;

use crate::{Error, Result};

/// The part of a client address that names one client for rate limits: an IPv4 address, or
/// the /64 network of an IPv6 one (a single subscriber usually holds a whole /64, so counting
/// its addresses one by one would give them billions of tries).
pub fn client(ip: &str) -> String {
    match ip.parse::<std::net::IpAddr>() {
        Ok(std::net::IpAddr::V6(v6)) if v6.to_ipv4_mapped().is_none() => {
            let s = v6.segments();
            format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
        }
        Ok(std::net::IpAddr::V6(v6)) => v6
            .to_ipv4_mapped()
            .map(|v4| v4.to_string())
            .unwrap_or_default(),
        _ => ip.to_owned(),
    }
}

/// At most `max` attempts per `window_secs`.
#[derive(Debug, Clone, Copy)]
pub struct Limit {
    pub max: i64,
    pub window_secs: i64,
}

/// Where one attempt stands in its window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Count {
    /// Attempts in the window, this one included.
    pub hits: i64,
    pub window_start: i64,
}

impl Count {
    /// Whether this attempt is past the limit.
    pub fn over(&self, limit: Limit) -> bool {
        self.hits > limit.max
    }

    /// Whether this is the first attempt past the limit (once per window: to warn the owner).
    pub fn first_over(&self, limit: Limit) -> bool {
        self.hits == limit.max + 1
    }

    /// The error answering an attempt past the limit: when to try again, at least a minute.
    pub fn refusal(&self, limit: Limit, now: i64) -> Error {
        Error::RateLimited {
            retry_after: (self.window_start + limit.window_secs - now).max(60),
        }
    }
}

/// Counts one attempt under `key` and returns where it stands. Runs on its own connection
/// (never inside the action's transaction), so that the count is committed before the work it
/// protects starts and survives that work failing.
pub async fn hit(conn: &mut AnyConnection, key: &str, limit: Limit, now: i64) -> Result<Count> {
    let (hits, window_start): (i64, i64) = sqlx::query_as(
        "INSERT INTO throttles (key, window_start, hits) VALUES ($1, $2, 1) \
         ON CONFLICT (key) DO UPDATE SET \
           hits = CASE WHEN throttles.window_start <= $3 THEN 1 ELSE throttles.hits + 1 END, \
           window_start = CASE WHEN throttles.window_start <= $3 THEN $2 \
                               ELSE throttles.window_start END \
         RETURNING hits, window_start",
    )
    .bind(key)
    .bind(now)
    .bind(now - limit.window_secs)
    .fetch_one(&mut *conn)
    .await?;
    Ok(Count { hits, window_start })
}

/// Gives an attempt back (a login that succeeded is not a failure to count).
pub async fn refund(conn: &mut AnyConnection, key: &str) -> Result<()> {
    sqlx::query("UPDATE throttles SET hits = hits - 1 WHERE key = $1 AND hits > 0")
        .bind(key)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Ends the window of `key` at once (the owner of an account unlocking it).
pub async fn clear(conn: &mut AnyConnection, key: &str) -> Result<()> {
    sqlx::query("DELETE FROM throttles WHERE key = $1")
        .bind(key)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Deletes the windows started before `before` (the hourly cleanup).
pub async fn delete_ended(
    conn: &mut AnyConnection,
    before: i64,
) -> std::result::Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM throttles WHERE window_start < $1")
        .bind(before)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::client;

    #[test]
    fn an_ipv6_client_is_its_64_network() {
        assert_eq!(client("198.51.100.7"), "198.51.100.7");
        assert_eq!(client("2001:db8:1:2:aaaa::1"), "2001:db8:1:2::/64");
        assert_eq!(client("2001:db8:1:2:bbbb::9"), "2001:db8:1:2::/64");
        assert_eq!(client("::ffff:198.51.100.7"), "198.51.100.7");
        assert_eq!(client(""), "");
    }
}
