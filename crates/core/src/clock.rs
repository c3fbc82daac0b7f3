//! The one place that reads the wall clock. Tests use a manual clock and move it forward.

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

use time::OffsetDateTime;

#[derive(Clone, Debug)]
pub struct Clock(Arc<Inner>);

#[derive(Debug)]
enum Inner {
    System,
    Manual(AtomicI64),
}

impl Clock {
    pub fn system() -> Self {
        Clock(Arc::new(Inner::System))
    }

    /// A clock frozen at `unix` seconds until [`Clock::advance`] moves it.
    pub fn manual(unix: i64) -> Self {
        Clock(Arc::new(Inner::Manual(AtomicI64::new(unix))))
    }

    /// Seconds since the Unix epoch.
    pub fn unix(&self) -> i64 {
        match &*self.0 {
            #[allow(clippy::disallowed_methods)]
            Inner::System => OffsetDateTime::now_utc().unix_timestamp(),
            Inner::Manual(t) => t.load(Ordering::SeqCst),
        }
    }

    pub fn now(&self) -> OffsetDateTime {
        OffsetDateTime::from_unix_timestamp(self.unix()).unwrap_or(OffsetDateTime::UNIX_EPOCH)
    }

    /// Moves a manual clock forward; a no-op on the system clock.
    pub fn advance(&self, seconds: i64) {
        if let Inner::Manual(t) = &*self.0 {
            t.fetch_add(seconds, Ordering::SeqCst);
        }
    }
}

/// Formats a unix instant as `YYYY-MM-DD HH:MM UTC` for lists and the audit log.
pub fn format_instant(unix: i64) -> String {
    let format = time::macros::format_description!("[year]-[month]-[day] [hour]:[minute] UTC");
    OffsetDateTime::from_unix_timestamp(unix)
        .ok()
        .and_then(|t| t.format(&format).ok())
        .unwrap_or_default()
}

/// A unix instant as people read it in `locale`: "6 décembre 2026 à 05:04 UTC",
/// "6 December 2026, 05:04 UTC".
pub fn format_instant_in(unix: i64, locale: crate::Locale) -> String {
    let Ok(t) = OffsetDateTime::from_unix_timestamp(unix) else {
        return String::new();
    };
    let month = usize::from(u8::from(t.month())) - 1;
    let (day, year, hour, minute) = (t.day(), t.year(), t.hour(), t.minute());
    match locale {
        crate::Locale::Fr => {
            format!(
                "{day} {} {year} à {hour:02}:{minute:02} UTC",
                MONTHS_FR[month]
            )
        }
        crate::Locale::En => {
            format!(
                "{day} {} {year}, {hour:02}:{minute:02} UTC",
                MONTHS_EN[month]
            )
        }
    }
}

/// A day typed as `YYYY-MM-DD` in words: "3 mars 2026", "3 March 2026"; anything that is not
/// such a day comes back as it is.
pub fn format_day_in(date: &str, locale: crate::Locale) -> String {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    match time::Date::parse(date.trim(), format) {
        Ok(d) => {
            let month = usize::from(u8::from(d.month())) - 1;
            match locale {
                crate::Locale::Fr => format!("{} {} {}", d.day(), MONTHS_FR[month], d.year()),
                crate::Locale::En => format!("{} {} {}", d.day(), MONTHS_EN[month], d.year()),
            }
        }
        Err(_) => date.to_owned(),
    }
}

const MONTHS_FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Formats a unix instant as RFC 3339 (`2026-01-05T09:00:00Z`), for exports.
pub fn format_rfc3339(unix: i64) -> String {
    OffsetDateTime::from_unix_timestamp(unix)
        .ok()
        .and_then(|t| {
            t.format(&time::format_description::well_known::Rfc3339)
                .ok()
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod locale_tests {
    use super::*;

    #[test]
    fn instants_read_in_each_language() {
        let t = 1_796_533_440; // 2026-12-06 05:04 UTC
        assert_eq!(
            format_instant_in(t, crate::Locale::Fr),
            "6 décembre 2026 à 05:04 UTC"
        );
        assert_eq!(
            format_instant_in(t, crate::Locale::En),
            "6 December 2026, 05:04 UTC"
        );
    }
}
