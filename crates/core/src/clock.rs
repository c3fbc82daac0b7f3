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

/// The time zone named `name` (an IANA name such as `Europe/Paris`), or UTC when there is no
/// such zone.
fn zone(name: &str) -> jiff::tz::TimeZone {
    jiff::tz::TimeZone::get(name).unwrap_or(jiff::tz::TimeZone::UTC)
}

/// Whether `name` is a time zone of the IANA database (`Europe/Paris`, `Asia/Manila`, `UTC`).
pub fn is_time_zone(name: &str) -> bool {
    !name.trim().is_empty() && jiff::tz::TimeZone::get(name).is_ok()
}

/// The zones offered when choosing one (the programmes' countries first), by IANA name.
pub const TIME_ZONES: &[&str] = &[
    "Europe/Paris",
    "Europe/Zurich",
    "Europe/Brussels",
    "Europe/Luxembourg",
    "Africa/Ouagadougou",
    "Africa/Kinshasa",
    "Africa/Lubumbashi",
    "Africa/Abidjan",
    "Africa/Dakar",
    "Africa/Douala",
    "Asia/Manila",
    "Asia/Phnom_Penh",
    "America/Montreal",
    "America/Martinique",
    "America/Cayenne",
    "Indian/Reunion",
    "Indian/Mayotte",
    "Pacific/Noumea",
    "UTC",
];

/// `(year, month index 0–11, day, hour, minute, offset in seconds)` of `unix` in zone `tz`.
fn civil(unix: i64, tz: &str) -> Option<(i16, usize, i8, i8, i8, i32)> {
    let ts = jiff::Timestamp::from_second(unix).ok()?;
    let z = ts.to_zoned(zone(tz));
    let month = usize::try_from(z.month()).ok()?.checked_sub(1)?;
    Some((
        z.year(),
        month,
        z.day(),
        z.hour(),
        z.minute(),
        z.offset().seconds(),
    ))
}

/// A UTC offset as people read it: `UTC`, `UTC+1`, `UTC−3`, `UTC+5:30`.
fn offset_label(seconds: i32) -> String {
    if seconds == 0 {
        return "UTC".into();
    }
    let sign = if seconds < 0 { '\u{2212}' } else { '+' };
    let minutes = seconds.abs() / 60;
    match minutes % 60 {
        0 => format!("UTC{sign}{}", minutes / 60),
        m => format!("UTC{sign}{}:{m:02}", minutes / 60),
    }
}

/// A unix instant as people read it in `locale`, in the time zone `tz` (an IANA name):
/// "6 décembre 2026 à 06:04 (UTC+1)", "6 December 2026, 06:04 (UTC+1)".
pub fn format_instant_in(unix: i64, locale: crate::Locale, tz: &str) -> String {
    let Some((year, month, day, hour, minute, offset)) = civil(unix, tz) else {
        return String::new();
    };
    let offset = offset_label(offset);
    match locale {
        crate::Locale::Fr => {
            format!(
                "{day} {} {year} à {hour:02}:{minute:02} ({offset})",
                MONTHS_FR[month]
            )
        }
        crate::Locale::En => {
            format!(
                "{day} {} {year}, {hour:02}:{minute:02} ({offset})",
                MONTHS_EN[month]
            )
        }
    }
}

/// The time of day of `unix` in zone `tz`, with its offset: "14:32 (UTC+1)".
pub fn format_time_in(unix: i64, tz: &str) -> String {
    civil(unix, tz)
        .map(|(_, _, _, hour, minute, offset)| {
            format!("{hour:02}:{minute:02} ({})", offset_label(offset))
        })
        .unwrap_or_default()
}

/// The calendar day of `unix` in zone `tz`, as `YYYY-MM-DD` (today where the reader is).
pub fn day_in(unix: i64, tz: &str) -> String {
    civil(unix, tz)
        .map(|(y, m, d, ..)| format!("{y:04}-{:02}-{d:02}", m + 1))
        .unwrap_or_default()
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
    fn instants_read_in_each_language_and_the_readers_time_zone() {
        let t = 1_796_533_440; // 2026-12-06 05:04 UTC
        assert_eq!(
            format_instant_in(t, crate::Locale::Fr, "Europe/Paris"),
            "6 décembre 2026 à 06:04 (UTC+1)"
        );
        assert_eq!(
            format_instant_in(t, crate::Locale::En, "Asia/Manila"),
            "6 December 2026, 13:04 (UTC+8)"
        );
        assert_eq!(
            format_instant_in(t, crate::Locale::Fr, "Africa/Ouagadougou"),
            "6 décembre 2026 à 05:04 (UTC)"
        );
        assert_eq!(
            format_instant_in(t, crate::Locale::En, "America/Montreal"),
            "6 December 2026, 00:04 (UTC\u{2212}5)"
        );
        assert_eq!(
            format_instant_in(t, crate::Locale::En, "Asia/Kolkata"),
            "6 December 2026, 10:34 (UTC+5:30)"
        );
        // Summer time where there is one.
        let july = 1_783_000_000; // 2026-07-02 13:46:40 UTC
        assert_eq!(format_time_in(july, "Europe/Paris"), "15:46 (UTC+2)");
        // The day where the reader is: a late evening in Montreal is still the 5th there.
        assert_eq!(day_in(t, "America/Montreal"), "2026-12-06");
        assert_eq!(day_in(t - 3600, "America/Montreal"), "2026-12-05");
        // An unknown zone reads as UTC, and is refused where one is chosen.
        assert_eq!(
            format_instant_in(t, crate::Locale::Fr, "Mars/Olympus"),
            "6 décembre 2026 à 05:04 (UTC)"
        );
        assert!(!is_time_zone("Mars/Olympus"));
        assert!(is_time_zone("Asia/Phnom_Penh"));
        assert!(TIME_ZONES.iter().all(|z| is_time_zone(z)));
    }
}
