use crate::routes::Routes; pub fn routes() -> Routes { Routes::new() }
