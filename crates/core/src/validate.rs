//! Field-level validation: "parse, don't validate". Each form becomes a typed value or a list of
//! `(field, code)` pairs; the code is a Fluent key rendered next to the field.

#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct FieldErrors(Vec<(&'static str, &'static str)>);

impl FieldErrors {
    pub fn add(&mut self, field: &'static str, code: &'static str) {
        if self.get(field).is_none() {
            self.0.push((field, code));
        }
    }

    /// The first error code for `field`.
    pub fn get(&self, field: &str) -> Option<&'static str> {
        self.0.iter().find(|(f, _)| *f == field).map(|(_, c)| *c)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&'static str, &'static str)> + '_ {
        self.0.iter().copied()
    }

    /// `Ok(())` when empty, else the errors as [`crate::Error::Invalid`].
    pub fn into_result(self) -> crate::Result<()> {
        if self.is_empty() {
            Ok(())
        } else {
            Err(crate::Error::Invalid(self))
        }
    }
}

/// Trims and checks length (in characters). Empty is `field-required` when `required`.
pub fn text(
    errors: &mut FieldErrors,
    field: &'static str,
    value: &str,
    required: bool,
    max: usize,
) -> String {
    let value = value.trim();
    if required && value.is_empty() {
        errors.add(field, "field-required");
    } else if value.chars().count() > max {
        errors.add(field, "field-too-long");
    }
    value.to_owned()
}

/// A normalised (trimmed, lowercased) e-mail address.
pub fn email(errors: &mut FieldErrors, field: &'static str, value: &str) -> String {
    let value = value.trim().to_lowercase();
    if value.is_empty() {
        errors.add(field, "field-required");
    } else if value.chars().count() > 254 || !email_address::EmailAddress::is_valid(&value) {
        errors.add(field, "field-email-invalid");
    }
    value
}

/// Password rules: 10 to 200 characters. Length beats composition rules (NIST SP 800-63B).
pub fn new_password(errors: &mut FieldErrors, field: &'static str, value: &str) {
    let n = value.chars().count();
    if n == 0 {
        errors.add(field, "field-required");
    } else if n < 10 {
        errors.add(field, "field-password-short");
    } else if n > 200 {
        errors.add(field, "field-too-long");
    }
}

/// An optional http(s) URL.
pub fn website(errors: &mut FieldErrors, field: &'static str, value: &str) -> String {
    let value = value.trim();
    if value.is_empty() {
        return String::new();
    }
    let ok = (value.starts_with("https://") || value.starts_with("http://"))
        && value.len() <= 300
        && value.len() > "https://".len()
        && !value.chars().any(char::is_whitespace);
    if !ok {
        errors.add(field, "field-url-invalid");
    }
    value.to_owned()
}

/// Parses one value of an enumeration by its code.
pub fn choice<T: Copy>(
    errors: &mut FieldErrors,
    field: &'static str,
    value: &str,
    parse: impl Fn(&str) -> Option<T>,
    fallback: T,
) -> T {
    if value.trim().is_empty() {
        errors.add(field, "field-required");
        return fallback;
    }
    parse(value.trim()).unwrap_or_else(|| {
        errors.add(field, "field-choice-invalid");
        fallback
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_is_normalised_and_checked() {
        let mut e = FieldErrors::default();
        assert_eq!(
            email(&mut e, "email", "  Ana@Example.ORG "),
            "ana@example.org"
        );
        assert!(e.is_empty());
        email(&mut e, "email", "not-an-address");
        assert_eq!(e.get("email"), Some("field-email-invalid"));
    }

    #[test]
    fn first_error_per_field_wins() {
        let mut e = FieldErrors::default();
        e.add("name", "field-required");
        e.add("name", "field-too-long");
        assert_eq!(e.get("name"), Some("field-required"));
        assert!(e.into_result().is_err());
    }

    #[test]
    fn websites_must_be_http_urls() {
        let mut e = FieldErrors::default();
        website(&mut e, "website", "javascript:alert(1)");
        assert_eq!(e.get("website"), Some("field-url-invalid"));
        let mut e = FieldErrors::default();
        assert_eq!(
            website(&mut e, "website", " https://hes.example "),
            "https://hes.example"
        );
        assert!(e.is_empty());
    }
}
