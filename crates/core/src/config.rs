//! Layered configuration: defaults < configuration file < environment < command-line flags.
//!
//! Every setting has one environment variable; `passerelle config example` prints a commented
//! file with all of them (see [`EXAMPLE`]), and the README's table lists them.

use std::path::{Path, PathBuf};

use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Address and port `serve` listens on.
    pub bind: String,
    /// Folder for the SQLite database (and later uploads).
    pub data_dir: PathBuf,
    /// `postgres://…` to run on PostgreSQL; empty means SQLite in `data_dir`.
    pub database_url: String,
    /// Public URL used in e-mail links; defaults to `http://<bind>`.
    pub base_url: String,
    /// Load demo content into an empty database on first start.
    pub demo: bool,
    /// Largest accepted request body, in bytes (413 above).
    pub max_body_bytes: usize,
    /// Largest accepted upload (a form with files: logbook attachments, immersion outputs),
    /// in bytes, all files of one form together.
    pub max_upload_bytes: usize,
    /// Take the client address from `X-Forwarded-For` (only behind a trusted reverse proxy).
    pub trust_proxy: bool,
    /// Run the job worker inside `serve` (turn off when running `passerelle worker` separately).
    pub run_worker: bool,
    /// `text` or `json` log lines.
    pub log_format: String,
    pub smtp: SmtpConfig,
    pub login: LoginConfig,
    /// Days after publication before an offer nobody applied to shows on the coordinator's
    /// "no application yet" list.
    pub offer_stale_days: i64,
    /// Let named reviewers publish practice sheets they co-wrote (coordinators always may).
    pub reviewers_publish_own: bool,
    /// Days after which the host is reminded of an application nobody has answered.
    pub application_reminder_days: i64,
    /// Days a signing link e-mailed to an agreement's signatory stays valid.
    pub signing_link_days: i64,
    /// Days after which a signatory who has not signed is reminded (with a new link).
    pub signature_reminder_days: i64,
    /// Minutes without a further change before the signatories of an edited agreement (a new
    /// version while signatures are collected) are asked again: a burst of edits sends one
    /// request per signatory, not one per edit.
    pub signing_quiet_minutes: i64,
    /// The time zone (IANA name) in which dates and times are shown to visitors and to people
    /// who have not chosen one on their account.
    pub time_zone: String,
    /// Cheap password hashing, for test suites only; never read from files or the environment.
    #[serde(skip)]
    pub weak_password_hashing: bool,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SmtpConfig {
    /// SMTP relay host; empty keeps every message in the outbox (`/admin/outbox`).
    pub host: String,
    pub port: u16,
    /// `none`, `starttls` or `tls`.
    pub security: String,
    pub username: String,
    pub password: String,
    /// Sender, e.g. `Passerelle <no-reply@example.org>`.
    pub from: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LoginConfig {
    /// Failed logins allowed per e-mail address within the window.
    pub max_failures_per_email: i64,
    /// Failed logins allowed per client address within the window.
    pub max_failures_per_ip: i64,
    /// Password-reset requests allowed per e-mail address within the window.
    pub max_resets_per_email: i64,
    /// Password-reset requests allowed per client address within the window.
    pub max_resets_per_ip: i64,
    /// The window, in seconds.
    pub window_secs: i64,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            bind: "127.0.0.1:8080".into(),
            data_dir: PathBuf::from("./data"),
            database_url: String::new(),
            base_url: String::new(),
            demo: true,
            max_body_bytes: 1024 * 1024,
            max_upload_bytes: 10 * 1024 * 1024,
            trust_proxy: false,
            run_worker: true,
            log_format: "text".into(),
            smtp: SmtpConfig::default(),
            login: LoginConfig::default(),
            offer_stale_days: 30,
            reviewers_publish_own: false,
            application_reminder_days: 7,
            signing_link_days: 14,
            signature_reminder_days: 5,
            signing_quiet_minutes: 10,
            time_zone: "Europe/Paris".into(),
            weak_password_hashing: false,
        }
    }
}

impl Default for SmtpConfig {
    fn default() -> Self {
        SmtpConfig {
            host: String::new(),
            port: 587,
            security: "starttls".into(),
            username: String::new(),
            password: String::new(),
            from: "Passerelle <no-reply@localhost>".into(),
        }
    }
}

impl Default for LoginConfig {
    fn default() -> Self {
        LoginConfig {
            max_failures_per_email: 5,
            max_failures_per_ip: 50,
            max_resets_per_email: 3,
            max_resets_per_ip: 20,
            window_secs: 15 * 60,
        }
    }
}

/// `(environment variable, setting, description)` — the README's table is generated from this.
pub const SETTINGS: &[(&str, &str, &str)] = &[
    (
        "PASSERELLE_CONFIG",
        "—",
        "path of a TOML configuration file",
    ),
    (
        "PASSERELLE_BIND",
        "bind",
        "address:port to listen on (default 127.0.0.1:8080)",
    ),
    (
        "PASSERELLE_DATA_DIR",
        "data_dir",
        "folder of the SQLite database (default ./data)",
    ),
    (
        "DATABASE_URL",
        "database_url",
        "postgres://… to use PostgreSQL instead of SQLite",
    ),
    (
        "PASSERELLE_BASE_URL",
        "base_url",
        "public URL used in e-mail links (default http://<bind>)",
    ),
    (
        "PASSERELLE_DEMO",
        "demo",
        "load demo content into an empty database (default true)",
    ),
    (
        "PASSERELLE_MAX_BODY_BYTES",
        "max_body_bytes",
        "largest request body (default 1048576)",
    ),
    (
        "PASSERELLE_MAX_UPLOAD_BYTES",
        "max_upload_bytes",
        "largest upload, all files of one form (default 10485760)",
    ),
    (
        "PASSERELLE_TRUST_PROXY",
        "trust_proxy",
        "read the client address from X-Forwarded-For (default false)",
    ),
    (
        "PASSERELLE_RUN_WORKER",
        "run_worker",
        "run the job worker inside serve (default true)",
    ),
    (
        "PASSERELLE_LOG_FORMAT",
        "log_format",
        "text or json (default text)",
    ),
    (
        "PASSERELLE_OFFER_STALE_DAYS",
        "offer_stale_days",
        "days before an offer without applications is flagged to coordinators (default 30)",
    ),
    (
        "PASSERELLE_REVIEWERS_PUBLISH_OWN",
        "reviewers_publish_own",
        "let named reviewers publish sheets they co-wrote (default false)",
    ),
    (
        "PASSERELLE_APPLICATION_REMINDER_DAYS",
        "application_reminder_days",
        "days before the host is reminded of an unanswered application (default 7)",
    ),
    (
        "PASSERELLE_SIGNING_LINK_DAYS",
        "signing_link_days",
        "days an agreement's e-mailed signing link stays valid (default 14)",
    ),
    (
        "PASSERELLE_SIGNATURE_REMINDER_DAYS",
        "signature_reminder_days",
        "days before a signatory who has not signed is reminded (default 5)",
    ),
    (
        "PASSERELLE_SIGNING_QUIET_MINUTES",
        "signing_quiet_minutes",
        "minutes without a change before an edited agreement's signatories are asked again (default 10)",
    ),
    (
        "PASSERELLE_TIME_ZONE",
        "time_zone",
        "time zone of dates shown to visitors and people who chose none (default Europe/Paris)",
    ),
    (
        "PASSERELLE_SMTP_HOST",
        "smtp.host",
        "SMTP relay; empty keeps mail in the outbox",
    ),
    (
        "PASSERELLE_SMTP_PORT",
        "smtp.port",
        "SMTP port (default 587)",
    ),
    (
        "PASSERELLE_SMTP_SECURITY",
        "smtp.security",
        "none, starttls or tls (default starttls)",
    ),
    (
        "PASSERELLE_SMTP_USERNAME",
        "smtp.username",
        "SMTP user name",
    ),
    ("PASSERELLE_SMTP_PASSWORD", "smtp.password", "SMTP password"),
    ("PASSERELLE_SMTP_FROM", "smtp.from", "sender address"),
    (
        "PASSERELLE_LOGIN_MAX_FAILURES_PER_EMAIL",
        "login.max_failures_per_email",
        "failed logins per address per window (default 5)",
    ),
    (
        "PASSERELLE_LOGIN_MAX_FAILURES_PER_IP",
        "login.max_failures_per_ip",
        "failed logins per client per window (default 50)",
    ),
    (
        "PASSERELLE_LOGIN_MAX_RESETS_PER_EMAIL",
        "login.max_resets_per_email",
        "password-reset requests per address per window (default 3)",
    ),
    (
        "PASSERELLE_LOGIN_MAX_RESETS_PER_IP",
        "login.max_resets_per_ip",
        "password-reset requests per client per window (default 20)",
    ),
    (
        "PASSERELLE_LOGIN_WINDOW_SECS",
        "login.window_secs",
        "rate-limit window in seconds (default 900)",
    ),
];

/// A commented configuration file with every setting at its default.
pub const EXAMPLE: &str = include_str!("config_example.toml");

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read {0}: {1}")]
    Read(PathBuf, std::io::Error),
    #[error("{0}: {1}")]
    Parse(PathBuf, toml::de::Error),
    #[error("{0} = {1:?} is not a valid value")]
    Env(&'static str, String),
    #[error("smtp.security must be none, starttls or tls, not {0:?}")]
    SmtpSecurity(String),
    #[error("time_zone must be an IANA time zone such as Europe/Paris, not {0:?}")]
    TimeZone(String),
}

impl Config {
    /// Defaults, then `file` (or `PASSERELLE_CONFIG`), then the environment.
    pub fn load(file: Option<&Path>) -> Result<Config, ConfigError> {
        let env_file = std::env::var_os("PASSERELLE_CONFIG").map(PathBuf::from);
        let mut config = match file.map(Path::to_path_buf).or(env_file) {
            Some(path) => {
                let text = std::fs::read_to_string(&path)
                    .map_err(|e| ConfigError::Read(path.clone(), e))?;
                toml::from_str(&text).map_err(|e| ConfigError::Parse(path, e))?
            }
            None => Config::default(),
        };
        config.apply_env(|k| std::env::var(k).ok())?;
        config.check()?;
        Ok(config)
    }

    /// Applies environment overrides read through `get` (a parameter so tests need no globals).
    pub fn apply_env(&mut self, get: impl Fn(&str) -> Option<String>) -> Result<(), ConfigError> {
        fn parse<T: std::str::FromStr>(key: &'static str, v: String) -> Result<T, ConfigError> {
            v.trim().parse().map_err(|_| ConfigError::Env(key, v))
        }
        let c = self;
        if let Some(v) = get("PASSERELLE_BIND") {
            c.bind = v
        }
        if let Some(v) = get("PASSERELLE_DATA_DIR") {
            c.data_dir = PathBuf::from(v)
        }
        if let Some(v) = get("DATABASE_URL") {
            c.database_url = v
        }
        if let Some(v) = get("PASSERELLE_BASE_URL") {
            c.base_url = v
        }
        if let Some(v) = get("PASSERELLE_DEMO") {
            c.demo = parse("PASSERELLE_DEMO", v)?
        }
        if let Some(v) = get("PASSERELLE_MAX_BODY_BYTES") {
            c.max_body_bytes = parse("PASSERELLE_MAX_BODY_BYTES", v)?
        }
        if let Some(v) = get("PASSERELLE_MAX_UPLOAD_BYTES") {
            c.max_upload_bytes = parse("PASSERELLE_MAX_UPLOAD_BYTES", v)?
        }
        if let Some(v) = get("PASSERELLE_TRUST_PROXY") {
            c.trust_proxy = parse("PASSERELLE_TRUST_PROXY", v)?
        }
        if let Some(v) = get("PASSERELLE_RUN_WORKER") {
            c.run_worker = parse("PASSERELLE_RUN_WORKER", v)?
        }
        if let Some(v) = get("PASSERELLE_LOG_FORMAT") {
            c.log_format = v
        }
        if let Some(v) = get("PASSERELLE_OFFER_STALE_DAYS") {
            c.offer_stale_days = parse("PASSERELLE_OFFER_STALE_DAYS", v)?
        }
        if let Some(v) = get("PASSERELLE_REVIEWERS_PUBLISH_OWN") {
            c.reviewers_publish_own = parse("PASSERELLE_REVIEWERS_PUBLISH_OWN", v)?
        }
        if let Some(v) = get("PASSERELLE_APPLICATION_REMINDER_DAYS") {
            c.application_reminder_days = parse("PASSERELLE_APPLICATION_REMINDER_DAYS", v)?
        }
        if let Some(v) = get("PASSERELLE_SIGNING_LINK_DAYS") {
            c.signing_link_days = parse("PASSERELLE_SIGNING_LINK_DAYS", v)?
        }
        if let Some(v) = get("PASSERELLE_SIGNATURE_REMINDER_DAYS") {
            c.signature_reminder_days = parse("PASSERELLE_SIGNATURE_REMINDER_DAYS", v)?
        }
        if let Some(v) = get("PASSERELLE_TIME_ZONE") {
            c.time_zone = v
        }
        if let Some(v) = get("PASSERELLE_SIGNING_QUIET_MINUTES") {
            c.signing_quiet_minutes = parse("PASSERELLE_SIGNING_QUIET_MINUTES", v)?
        }
        if let Some(v) = get("PASSERELLE_SMTP_HOST") {
            c.smtp.host = v
        }
        if let Some(v) = get("PASSERELLE_SMTP_PORT") {
            c.smtp.port = parse("PASSERELLE_SMTP_PORT", v)?
        }
        if let Some(v) = get("PASSERELLE_SMTP_SECURITY") {
            c.smtp.security = v
        }
        if let Some(v) = get("PASSERELLE_SMTP_USERNAME") {
            c.smtp.username = v
        }
        if let Some(v) = get("PASSERELLE_SMTP_PASSWORD") {
            c.smtp.password = v
        }
        if let Some(v) = get("PASSERELLE_SMTP_FROM") {
            c.smtp.from = v
        }
        if let Some(v) = get("PASSERELLE_LOGIN_MAX_FAILURES_PER_EMAIL") {
            c.login.max_failures_per_email = parse("PASSERELLE_LOGIN_MAX_FAILURES_PER_EMAIL", v)?
        }
        if let Some(v) = get("PASSERELLE_LOGIN_MAX_FAILURES_PER_IP") {
            c.login.max_failures_per_ip = parse("PASSERELLE_LOGIN_MAX_FAILURES_PER_IP", v)?
        }
        if let Some(v) = get("PASSERELLE_LOGIN_MAX_RESETS_PER_EMAIL") {
            c.login.max_resets_per_email = parse("PASSERELLE_LOGIN_MAX_RESETS_PER_EMAIL", v)?
        }
        if let Some(v) = get("PASSERELLE_LOGIN_MAX_RESETS_PER_IP") {
            c.login.max_resets_per_ip = parse("PASSERELLE_LOGIN_MAX_RESETS_PER_IP", v)?
        }
        if let Some(v) = get("PASSERELLE_LOGIN_WINDOW_SECS") {
            c.login.window_secs = parse("PASSERELLE_LOGIN_WINDOW_SECS", v)?
        }
        Ok(())
    }

    /// Fills derived values and rejects impossible combinations.
    pub fn check(&mut self) -> Result<(), ConfigError> {
        if self.base_url.trim().is_empty() {
            self.base_url = format!("http://{}", self.bind);
        }
        if !["none", "starttls", "tls"].contains(&self.smtp.security.as_str()) {
            return Err(ConfigError::SmtpSecurity(self.smtp.security.clone()));
        }
        if !crate::clock::is_time_zone(&self.time_zone) {
            return Err(ConfigError::TimeZone(self.time_zone.clone()));
        }
        Ok(())
    }

    /// Cookies get the `Secure` flag when the public URL is HTTPS.
    pub fn https(&self) -> bool {
        self.base_url.starts_with("https://")
    }

    pub fn uses_postgres(&self) -> bool {
        self.database_url.starts_with("postgres")
    }

    /// The SQLite database file inside the data folder.
    pub fn sqlite_path(&self) -> PathBuf {
        self.data_dir.join("passerelle.db")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn environment_overrides_the_file_and_base_url_follows_bind() {
        let mut c: Config =
            toml::from_str("bind = \"0.0.0.0:9000\"\n[smtp]\nport = 25\n").expect("toml");
        c.apply_env(|k| (k == "PASSERELLE_SMTP_PORT").then(|| "2525".to_owned()))
            .expect("env");
        c.check().expect("valid");
        assert_eq!(c.smtp.port, 2525);
        assert_eq!(c.base_url, "http://0.0.0.0:9000");
        assert!(!c.https());
    }

    #[test]
    fn bad_values_are_reported_with_their_variable() {
        let mut c = Config::default();
        let err = c
            .apply_env(|k| (k == "PASSERELLE_DEMO").then(|| "perhaps".to_owned()))
            .expect_err("must fail");
        assert!(err.to_string().contains("PASSERELLE_DEMO"));
    }

    #[test]
    fn the_readme_documents_every_setting() {
        let readme = include_str!("../../../README.md");
        for (var, key, _) in SETTINGS {
            assert!(readme.contains(&format!("`{var}`")), "README lacks {var}");
            assert!(
                *key == "—" || readme.contains(&format!("`{key}`")),
                "README lacks {key}"
            );
        }
    }

    #[test]
    fn the_example_file_parses_and_names_every_setting() {
        let c: Config = toml::from_str(EXAMPLE).expect("example parses");
        assert_eq!(c.bind, Config::default().bind);
        for (_, key, _) in SETTINGS.iter().skip(1) {
            let leaf = key.rsplit('.').next().unwrap_or(key);
            assert!(EXAMPLE.contains(leaf), "example lacks {key}");
        }
    }
}
