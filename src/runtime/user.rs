//! The command's user and groups, resolved in the container's own
//! /etc/passwd and /etc/group (read after pivot_root, so never the host's).

use super::ChildError;
use super::passwd::{self, ResolvedUser};

pub(super) fn resolve(spec: &str, group_add: &[String]) -> Result<ResolvedUser, ChildError> {
    let fail = |e: passwd::Error| ChildError::engine_message(e.to_string());
    let spec = passwd::parse_user_spec(spec).map_err(fail)?;
    let passwd = std::fs::read("/etc/passwd").ok();
    let group = std::fs::read("/etc/group").ok();
    passwd::resolve_user(&spec, group_add, passwd.as_deref(), group.as_deref()).map_err(fail)
}
