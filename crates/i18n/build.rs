//! Rebuilds the embedded Fluent bundles when a file is added to, changed in or removed from
//! `locales/` (a new file is otherwise invisible to cargo's change tracking).
fn main() {
    println!("cargo:rerun-if-changed=locales");
    for lang in ["fr", "en"] {
        println!("cargo:rerun-if-changed=locales/{lang}");
    }
}
