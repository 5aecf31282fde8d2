//! `-u/--user` and `--group-add`, resolved against the container's own
//! `/etc/passwd` and `/etc/group`, with runc's `libcontainer/user` rules
//! (which Podman and crun follow):
//!
//! - a name must exist in passwd; a number need not (then its group is 0 and
//!   its home `/`);
//! - the primary group is the passwd entry's, unless a group is given, which
//!   must exist by name or may be any number;
//! - supplementary groups are those listing the user as a member, but only
//!   when no group was given; `--group-add` groups come on top;
//! - IDs must lie in 0..=2147483647.
//!
//! The caller reads the files from inside the container and passes their
//! bytes (`None` when a file is missing), so this module does no I/O.

const MAX_ID: u64 = i32::MAX as u64;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    #[error("invalid user {0:?}: expected USER[:GROUP] or UID[:GID]")]
    Syntax(String),
    #[error("unable to find user {0}: no matching entries in passwd file")]
    UnknownUser(String),
    #[error("unable to find group {0}: no matching entries in group file")]
    UnknownGroup(String),
    #[error("ID {0} is out of range: user and group IDs must be within 0-2147483647")]
    Range(String),
}

/// What `-u` asked for: a user (name or number; empty for the default,
/// root) and maybe a group (name or number).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct UserSpec {
    pub user: String,
    pub group: Option<String>,
}

/// The IDs and home directory the container process gets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResolvedUser {
    pub uid: u32,
    pub gid: u32,
    /// For setgroups(2), in Podman's order: the primary group (only when a
    /// user was named: with the default user Podman leaves it out), then
    /// `--group-add` groups, then the user's memberships; no repeats.
    pub additional_gids: Vec<u32>,
    /// `--group-add keep-groups`: the process keeps the supplementary groups
    /// rcon has (the host user's, as its namespace maps them): no setgroups(2).
    pub keep_groups: bool,
    pub home: String,
}

/// `--group-add keep-groups`, which must be the only `--group-add`.
pub const KEEP_GROUPS: &str = "keep-groups";

/// Parses `user`, `user:group`, `uid` or `uid:gid` (an empty group, `user:`,
/// means none given, as in runc).
pub fn parse_user_spec(spec: &str) -> Result<UserSpec, Error> {
    let (user, group) = match spec.split_once(':') {
        Some((_, group)) if group.contains(':') => return Err(Error::Syntax(spec.to_string())),
        Some((user, group)) => (user, Some(group).filter(|g| !g.is_empty())),
        None => (spec, None),
    };
    if user.chars().any(char::is_whitespace)
        || group.is_some_and(|g| g.contains(char::is_whitespace))
    {
        return Err(Error::Syntax(spec.to_string()));
    }
    Ok(UserSpec {
        user: user.to_string(),
        group: group.map(str::to_string),
    })
}

struct PasswdEntry<'a> {
    name: &'a str,
    uid: u32,
    gid: u32,
    home: &'a str,
}

struct GroupEntry<'a> {
    name: &'a str,
    gid: u32,
    members: Vec<&'a str>,
}

/// The colon-separated records of a passwd or group file: blank lines and
/// `#` comments skipped, surrounding whitespace trimmed.
fn records(file: Option<&[u8]>) -> impl Iterator<Item = Vec<&str>> {
    file.into_iter()
        .flat_map(|bytes| bytes.split(|&b| b == b'\n'))
        .filter_map(|line| std::str::from_utf8(line).ok())
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(|line| line.split(':').collect())
}

fn passwd_entries(file: Option<&[u8]>) -> impl Iterator<Item = PasswdEntry<'_>> {
    records(file).filter_map(|fields| {
        Some(PasswdEntry {
            name: fields.first()?,
            uid: fields.get(2)?.parse().ok()?,
            gid: fields.get(3)?.parse().ok()?,
            home: fields.get(5).copied().unwrap_or(""),
        })
    })
}

fn group_entries(file: Option<&[u8]>) -> impl Iterator<Item = GroupEntry<'_>> {
    records(file).filter_map(|fields| {
        Some(GroupEntry {
            name: fields.first()?,
            gid: fields.get(2)?.parse().ok()?,
            members: fields
                .get(3)
                .map(|list| {
                    list.split(',')
                        .map(str::trim)
                        .filter(|m| !m.is_empty())
                        .collect()
                })
                .unwrap_or_default(),
        })
    })
}

/// `Some(id)` if `text` is numeric (checked against the ID range), `None` if it is a name.
fn numeric_id(text: &str) -> Result<Option<u32>, Error> {
    match text.parse::<i64>() {
        Ok(n) if (0..=MAX_ID as i64).contains(&n) => Ok(Some(n as u32)),
        Ok(_) => Err(Error::Range(text.to_string())),
        Err(_) if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) => {
            Err(Error::Range(text.to_string()))
        }
        Err(_) => Ok(None),
    }
}

/// The gid of a group given by name or number.
fn group_id(group: &str, file: Option<&[u8]>) -> Result<u32, Error> {
    let number = numeric_id(group)?;
    let found = group_entries(file).find(|g| match number {
        Some(gid) => g.gid == gid,
        None => g.name == group,
    });
    match (found, number) {
        (Some(entry), _) => Ok(entry.gid),
        (None, Some(gid)) => Ok(gid),
        (None, None) => Err(Error::UnknownGroup(group.to_string())),
    }
}

/// Resolves `spec` plus `--group-add` groups against the container's
/// passwd and group files.
pub fn resolve_user(
    spec: &UserSpec,
    group_add: &[String],
    passwd: Option<&[u8]>,
    group: Option<&[u8]>,
) -> Result<ResolvedUser, Error> {
    let uid_arg = numeric_id(&spec.user)?;
    let entry = passwd_entries(passwd).find(|u| match (spec.user.as_str(), uid_arg) {
        ("", _) => u.uid == 0,
        (_, Some(uid)) => u.uid == uid,
        (name, None) => u.name == name,
    });
    let (uid, mut gid, home, name) = match (&entry, uid_arg) {
        (Some(u), _) => (u.uid, u.gid, u.home, Some(u.name)),
        (None, Some(uid)) => (uid, 0, "", None),
        (None, None) if spec.user.is_empty() => (0, 0, "", None),
        (None, None) => return Err(Error::UnknownUser(spec.user.clone())),
    };
    let mut memberships = Vec::new();
    match (&spec.group, name) {
        (Some(wanted), _) => gid = group_id(wanted, group)?,
        (None, Some(name)) => {
            memberships = group_entries(group)
                .filter(|g| g.members.contains(&name))
                .map(|g| g.gid)
                .collect();
        }
        (None, None) => {}
    }
    // Podman lists the primary group only when a user or group was named.
    let mut additional_gids = Vec::new();
    if !spec.user.is_empty() || spec.group.is_some() {
        additional_gids.push(gid);
    }
    let keep_groups = group_add.iter().any(|g| g == KEEP_GROUPS);
    for extra in group_add.iter().filter(|g| *g != KEEP_GROUPS) {
        additional_gids.push(group_id(extra, group)?);
    }
    additional_gids.extend(memberships);
    let mut seen = Vec::with_capacity(additional_gids.len());
    additional_gids.retain(|g| {
        let first = !seen.contains(g);
        seen.push(*g);
        first
    });
    Ok(ResolvedUser {
        uid,
        gid,
        additional_gids,
        keep_groups,
        home: if home.is_empty() { "/" } else { home }.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const PASSWD: &[u8] = b"root:x:0:0:root:/root:/bin/sh\n\
        # a comment\n\
        \n\
        u1:x:1000:1000::/home/u1:/bin/sh\n\
        u2:x:1001:50::/home/u2:/bin/sh\n\
        broken:x:notanumber:0::/x:/bin/sh\n\
        nohome:x:1002:1002::\n";
    const GROUP: &[u8] = b"root:x:0:\n\
        g1:x:1000:\n\
        g50:x:50:\n\
        extra:x:60:u1, u2\n\
        extra2:x:61:u1\n";

    fn resolve(spec: &str, group_add: &[&str]) -> Result<ResolvedUser, Error> {
        let group_add: Vec<String> = group_add.iter().map(|g| g.to_string()).collect();
        resolve_user(
            &parse_user_spec(spec)?,
            &group_add,
            Some(PASSWD),
            Some(GROUP),
        )
    }

    fn ids(user: &ResolvedUser) -> (u32, u32, Vec<u32>, &str) {
        (
            user.uid,
            user.gid,
            user.additional_gids.clone(),
            user.home.as_str(),
        )
    }

    #[test]
    fn specs_parse() {
        assert_eq!(
            parse_user_spec("u1:g50").unwrap(),
            UserSpec {
                user: "u1".into(),
                group: Some("g50".into())
            }
        );
        assert_eq!(parse_user_spec("1000").unwrap().group, None);
        assert_eq!(parse_user_spec("1000:").unwrap().group, None);
        assert_eq!(parse_user_spec("").unwrap(), UserSpec::default());
        assert_eq!(parse_user_spec("a:b:c"), Err(Error::Syntax("a:b:c".into())));
        assert_eq!(parse_user_spec("a b"), Err(Error::Syntax("a b".into())));
    }

    // The expectations below are what Podman 4.3 put into the OCI spec for
    // the same passwd and group files.
    #[test]
    fn names_and_numbers_resolve_like_podman() {
        let root = resolve("", &[]).unwrap();
        assert_eq!(ids(&root), (0, 0, vec![], "/root"));
        assert_eq!(
            ids(&resolve("root", &[]).unwrap()),
            (0, 0, vec![0], "/root")
        );
        assert_eq!(
            ids(&resolve("", &["61"]).unwrap()),
            (0, 0, vec![61], "/root")
        );
        let kept = resolve("", &[KEEP_GROUPS]).unwrap();
        assert!(kept.keep_groups && !root.keep_groups);
        assert_eq!(ids(&kept), (0, 0, vec![], "/root"));
        let member = resolve_user(
            &UserSpec::default(),
            &[],
            Some(PASSWD),
            Some(
                b"wheel:x:10:root
",
            ),
        )
        .unwrap();
        assert_eq!(member.additional_gids, [10]);
        assert_eq!(
            ids(&resolve("u1", &[]).unwrap()),
            (1000, 1000, vec![1000, 60, 61], "/home/u1")
        );
        assert_eq!(
            ids(&resolve("1000", &[]).unwrap()),
            (1000, 1000, vec![1000, 60, 61], "/home/u1")
        );
        assert_eq!(
            ids(&resolve("1001", &[]).unwrap()),
            (1001, 50, vec![50, 60], "/home/u2")
        );
        assert_eq!(ids(&resolve("2000", &[]).unwrap()), (2000, 0, vec![0], "/"));
        assert_eq!(
            ids(&resolve("u1:g50", &[]).unwrap()),
            (1000, 50, vec![50], "/home/u1")
        );
        assert_eq!(
            ids(&resolve("u1:1234", &[]).unwrap()),
            (1000, 1234, vec![1234], "/home/u1")
        );
        assert_eq!(
            ids(&resolve("0:60", &[]).unwrap()),
            (0, 60, vec![60], "/root")
        );
        assert_eq!(
            ids(&resolve("u2", &["61", "extra"]).unwrap()),
            (1001, 50, vec![50, 61, 60], "/home/u2")
        );
        assert_eq!(
            ids(&resolve("nohome", &[]).unwrap()),
            (1002, 1002, vec![1002], "/")
        );
    }

    #[test]
    fn unknown_names_and_bad_ids_are_errors() {
        assert_eq!(
            resolve("nobody", &[]),
            Err(Error::UnknownUser("nobody".into()))
        );
        assert_eq!(
            resolve("nobody", &[]).unwrap_err().to_string(),
            "unable to find user nobody: no matching entries in passwd file"
        );
        assert_eq!(
            resolve("2000:u1", &[]),
            Err(Error::UnknownGroup("u1".into()))
        );
        assert_eq!(
            resolve("u1", &["nog"]),
            Err(Error::UnknownGroup("nog".into()))
        );
        assert_eq!(resolve("-1", &[]), Err(Error::Range("-1".into())));
        assert_eq!(
            resolve("2147483648", &[]),
            Err(Error::Range("2147483648".into()))
        );
        assert_eq!(
            resolve("99999999999999999999", &[]),
            Err(Error::Range("99999999999999999999".into()))
        );
        assert_eq!(ids(&resolve("2147483647", &[]).unwrap()).0, 2147483647);
    }

    #[test]
    fn missing_files_allow_numbers_only() {
        let spec = parse_user_spec("1234:5678").unwrap();
        let user = resolve_user(&spec, &["7".into()], None, None).unwrap();
        assert_eq!(ids(&user), (1234, 5678, vec![5678, 7], "/"));
        let root = resolve_user(&UserSpec::default(), &[], None, None).unwrap();
        assert_eq!(ids(&root), (0, 0, vec![], "/"));
        assert_eq!(
            resolve_user(&parse_user_spec("app").unwrap(), &[], None, None),
            Err(Error::UnknownUser("app".into()))
        );
        assert_eq!(
            resolve_user(&parse_user_spec("0:wheel").unwrap(), &[], None, None),
            Err(Error::UnknownGroup("wheel".into()))
        );
    }
}
