//! Cross-tabulation of two closed questions, among the responses the results page selects
//! (its filter, complete or partial ones): counts with row and column percentages and
//! totals, and Pearson's chi-square test of independence.

use std::borrow::Borrow;

use statrs::distribution::{ChiSquared, ContinuousCDF};

use super::load_managed;
use super::managing::Include;
use super::model::*;
use super::results::{code_label, columns, percent, permille};
use super::store;
use crate::accounts::User;
use crate::{Core, Error, Result};

/// A cross-tabulation: responses per pair of values.
#[derive(Debug, Clone)]
pub struct CrossTab {
    pub rows_label: String,
    pub cols_label: String,
    /// `(label, code)`.
    pub rows: Vec<(String, String)>,
    pub cols: Vec<(String, String)>,
    /// `cells[row][col]`.
    pub cells: Vec<Vec<i64>>,
    pub row_totals: Vec<i64>,
    pub col_totals: Vec<i64>,
    pub total: i64,
    /// None when the table has fewer than two rows or two columns with answers, or crosses a
    /// multiple choice.
    pub chi_square: Option<ChiSquare>,
    /// A multiple choice is crossed: cells count options ticked, not people.
    pub multiple: bool,
}

/// Pearson's chi-square test of independence of a table.
#[derive(Debug, Clone, PartialEq)]
pub struct ChiSquare {
    pub statistic: f64,
    pub degrees: usize,
    pub p_value: f64,
    /// Some expected count is under 5 (or a cell expects less than 1): the p-value is not to
    /// be trusted, and the page says so.
    pub small_counts: bool,
}

impl ChiSquare {
    /// The test of `cells` (rows and columns without answers left out). A multiple choice
    /// counts a response once per option ticked, so the test is indicative there.
    pub fn of(cells: &[Vec<i64>]) -> Option<ChiSquare> {
        let rows: Vec<f64> = cells.iter().map(|r| r.iter().sum::<i64>() as f64).collect();
        let ncols = cells.first().map_or(0, Vec::len);
        let cols: Vec<f64> = (0..ncols)
            .map(|j| cells.iter().map(|r| r[j]).sum::<i64>() as f64)
            .collect();
        let keep_rows: Vec<usize> = (0..rows.len()).filter(|i| rows[*i] > 0.0).collect();
        let keep_cols: Vec<usize> = (0..cols.len()).filter(|j| cols[*j] > 0.0).collect();
        if keep_rows.len() < 2 || keep_cols.len() < 2 {
            return None;
        }
        let n: f64 = keep_rows.iter().map(|i| rows[*i]).sum();
        let (mut statistic, mut small, mut tiny) = (0.0, 0usize, false);
        for i in &keep_rows {
            for j in &keep_cols {
                let expected = rows[*i] * cols[*j] / n;
                let observed = cells[*i][*j] as f64;
                statistic += (observed - expected).powi(2) / expected;
                if expected < 5.0 {
                    small += 1;
                }
                tiny |= expected < 1.0;
            }
        }
        let degrees = (keep_rows.len() - 1) * (keep_cols.len() - 1);
        let p_value = ChiSquared::new(degrees as f64).ok()?.sf(statistic);
        // Cochran's rule: no expected count under 1, at most a fifth under 5.
        let cells_kept = keep_rows.len() * keep_cols.len();
        Some(ChiSquare {
            statistic,
            degrees,
            p_value,
            small_counts: tiny || small * 5 > cells_kept,
        })
    }

    /// The p-value as read: `< 0.001`, else three decimals.
    pub fn p_text(&self) -> String {
        if self.p_value < 0.001 {
            "< 0.001".to_owned()
        } else {
            format!("{:.3}", self.p_value)
        }
    }

    pub fn statistic_text(&self) -> String {
        format!("{:.2}", self.statistic)
    }

    /// Whether the association is significant at the 5 % level.
    pub fn significant(&self) -> bool {
        self.p_value < 0.05
    }
}

impl CrossTab {
    /// The share of the row's responses in cell `(i, j)` (empty when the row has none).
    pub fn row_percent(&self, i: impl Borrow<usize>, j: impl Borrow<usize>) -> String {
        let (i, j) = (*i.borrow(), *j.borrow());
        if self.row_totals[i] == 0 {
            return String::new();
        }
        percent(permille(self.cells[i][j], self.row_totals[i]))
    }

    /// The share of the column's responses in cell `(i, j)`.
    pub fn col_percent(&self, i: impl Borrow<usize>, j: impl Borrow<usize>) -> String {
        let (i, j) = (*i.borrow(), *j.borrow());
        if self.col_totals[j] == 0 {
            return String::new();
        }
        percent(permille(self.cells[i][j], self.col_totals[j]))
    }

    /// The share of all responses in row `i`.
    pub fn row_total_percent(&self, i: impl Borrow<usize>) -> String {
        percent(permille(self.row_totals[*i.borrow()], self.total))
    }

    /// The share of all responses in column `j`.
    pub fn col_total_percent(&self, j: impl Borrow<usize>) -> String {
        percent(permille(self.col_totals[*j.borrow()], self.total))
    }
}

/// The cross-tabulation of `rows_q` by `cols_q` among the responses in `include`, having
/// the filter's value when there is one.
pub async fn crosstab(
    core: &Core,
    user: &User,
    id: &str,
    lang: &str,
    (rows_q, cols_q): (&str, &str),
    filter: Option<(&str, &str)>,
    include: Include,
) -> Result<CrossTab> {
    let loaded = load_managed(core, user, id).await?;
    let mut conn = core.db.pool.acquire().await?;
    let columns = columns(&mut conn, id).await?;
    let lang = loaded.def.language_for(lang).to_owned();
    let (Some(rq), Some(cq)) = (
        columns.closed().find(|q| q.name == rows_q),
        columns.closed().find(|q| q.name == cols_q),
    ) else {
        return Err(Error::field("cross", "field-choice-invalid"));
    };
    let filter = filter.filter(|(q, _)| columns.closed().any(|c| c.name == *q));
    let found = store::crosstab(&mut conn, id, rows_q, cols_q, include.scope(filter)).await?;
    let codes = |q: &Question, pick: &dyn Fn(&(String, String, i64)) -> &String| {
        let mut c = q.codes();
        for row in &found {
            let v = pick(row);
            if !c.contains(v) {
                c.push(v.clone());
            }
        }
        c.into_iter()
            .map(|code| (code_label(q, &code, &lang), code))
            .collect::<Vec<_>>()
    };
    let rows = codes(rq, &|r| &r.0);
    let cols = codes(cq, &|r| &r.1);
    let mut cells = vec![vec![0; cols.len()]; rows.len()];
    for (a, b, n) in &found {
        if let (Some(i), Some(j)) = (
            rows.iter().position(|(_, c)| c == a),
            cols.iter().position(|(_, c)| c == b),
        ) {
            cells[i][j] = *n;
        }
    }
    // Territory lists are long: keep the rows and columns somebody answered.
    let keep_rows: Vec<usize> = (0..rows.len())
        .filter(|i| rq.kind() != Kind::Territory || cells[*i].iter().any(|n| *n > 0))
        .collect();
    let keep_cols: Vec<usize> = (0..cols.len())
        .filter(|j| cq.kind() != Kind::Territory || cells.iter().any(|r| r[*j] > 0))
        .collect();
    let cells: Vec<Vec<i64>> = keep_rows
        .iter()
        .map(|i| keep_cols.iter().map(|j| cells[*i][*j]).collect())
        .collect();
    let rows: Vec<(String, String)> = keep_rows.iter().map(|i| rows[*i].clone()).collect();
    let cols: Vec<(String, String)> = keep_cols.iter().map(|j| cols[*j].clone()).collect();
    let row_totals: Vec<i64> = cells.iter().map(|r| r.iter().sum()).collect();
    let col_totals: Vec<i64> = (0..cols.len())
        .map(|j| cells.iter().map(|r| r[j]).sum())
        .collect();
    // A response ticking two options counts twice: the counts are not independent, and the
    // test would mislead.
    let multiple = rq.kind() == Kind::Multiple || cq.kind() == Kind::Multiple;
    Ok(CrossTab {
        multiple,
        rows_label: rq.label.get(&lang, &lang).to_owned(),
        cols_label: cq.label.get(&lang, &lang).to_owned(),
        total: row_totals.iter().sum(),
        chi_square: if multiple {
            None
        } else {
            ChiSquare::of(&cells)
        },
        row_totals,
        col_totals,
        rows,
        cols,
        cells,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_textbook_table_gives_the_textbook_statistic() {
        // 2 × 2: 20 10 / 10 20 → chi² = 6.667, 1 degree of freedom, p ≈ 0.0098.
        let c = ChiSquare::of(&[vec![20, 10], vec![10, 20]]).expect("test");
        assert!((c.statistic - 6.6667).abs() < 1e-3, "{}", c.statistic);
        assert_eq!(c.degrees, 1);
        assert!((c.p_value - 0.00982).abs() < 1e-4, "{}", c.p_value);
        assert!(!c.small_counts);
        assert!(c.significant());
        assert_eq!(c.p_text(), "0.010");
    }

    #[test]
    fn small_counts_are_flagged_and_empty_rows_left_out() {
        let c = ChiSquare::of(&[vec![2, 1], vec![0, 0], vec![1, 3]]).expect("test");
        assert_eq!(c.degrees, 1, "the empty row does not count");
        assert!(c.small_counts);
        assert!(ChiSquare::of(&[vec![3, 4]]).is_none(), "one row: no test");
    }

    #[test]
    fn percentages_are_rounded_not_truncated() {
        assert_eq!(percent(permille(2, 3)), "66.7");
        assert_eq!(percent(permille(1, 3)), "33.3");
        assert_eq!(percent(permille(1, 8)), "12.5");
        assert_eq!(percent(permille(0, 0)), "0.0");
    }
}
