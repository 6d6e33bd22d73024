//! Checks of individual header fields' syntax and use, beyond what a status
//! code needs: the ground httplint (the engine behind REDbot) covers, with
//! the RFCs' own severities. Texts in `data/lint-rules-fields.toml`.

use super::Check;

pub(super) static CHECKS: &[(&str, Check)] = &[];
