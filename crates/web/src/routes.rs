//! The route table. Features register routes here so that the authorization test can list
//! every `(method, path)` and fail when one is missing from its expectations.

use axum::Router;
use axum::routing::MethodRouter;

use crate::AppState;

/// A router that remembers what it serves.
pub struct Routes {
    router: Router<AppState>,
    table: Vec<(&'static str, &'static str)>,
}

impl Routes {
    pub fn new() -> Self {
        Routes {
            router: Router::new(),
            table: Vec::new(),
        }
    }

    pub fn get(mut self, path: &'static str, handler: MethodRouter<AppState>) -> Self {
        self.table.push(("GET", path));
        self.router = self.router.route(path, handler);
        self
    }

    pub fn post(mut self, path: &'static str, handler: MethodRouter<AppState>) -> Self {
        self.table.push(("POST", path));
        self.router = self.router.route(path, handler);
        self
    }

    pub fn merge(mut self, other: Routes) -> Self {
        self.table.extend(other.table);
        self.router = self.router.merge(other.router);
        self
    }
}

impl Default for Routes {
    fn default() -> Self {
        Routes::new()
    }
}

/// Every route of the application, and the table of `(method, path)` it serves.
pub fn all() -> (Router<AppState>, Vec<(&'static str, &'static str)>) {
    let routes = Routes::new()
        .merge(crate::home::routes())
        .merge(crate::assets::routes())
        .merge(crate::accounts::routes())
        .merge(crate::organisations::routes())
        .merge(crate::immersions::routes())
        .merge(crate::questionnaires::routes())
        .merge(crate::sheets::routes())
        .merge(crate::syntheses::routes())
        .merge(crate::admin::routes())
        .merge(crate::api::routes());
    (routes.router, routes.table)
}

/// The `(method, path)` table, for the authorization test.
pub fn table() -> Vec<(&'static str, &'static str)> {
    all().1
}
