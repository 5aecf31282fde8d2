//! Image references: `[registry[:port]/]path[:tag][@sha256:hex]`.
//!
//! The grammar is that of github.com/distribution/reference:
//!
//! - path components are lowercase letters and digits joined by `.`, `_`,
//!   `__` or runs of `-`, separated by `/`;
//! - the first component is a registry when the name has a `/` after it and
//!   it contains `.` or `:` or is `localhost`; a registry is a host (DNS
//!   name, IPv4, or `[IPv6]`) with an optional port;
//! - a tag is `[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}`;
//! - the name (`[registry/]path`) is at most 255 characters.
//!
//! One departure: Docker also takes a first component with an uppercase
//! letter (`Foo/bar`) as a registry. Podman does not (it reads a short name
//! and then rejects it as not lowercase), and neither do we, so a typo gets
//! a clear message rather than a DNS lookup of host `Foo`.
//!
//! Only sha256 digests are accepted: it is the one algorithm registries and
//! rcon's store verify. [`check_digest`] is the check for digests that come
//! from a registry or an archive as well.
//!
//! Docker Hub names are normalised as Docker does: `index.docker.io` is
//! `docker.io`, and a one-component path there gets `library/`. A name
//! without a registry is a *short name*; which registries it may mean is
//! decided by `registries.conf` (see [`super::registries`]), not here.

use std::fmt;
use std::str::FromStr;

/// Docker Hub's canonical registry name.
pub const DOCKER_HUB: &str = "docker.io";
/// The tag a reference means when it has neither tag nor digest.
pub const DEFAULT_TAG: &str = "latest";

const LEGACY_DOCKER_HUB: &str = "index.docker.io";
const OFFICIAL_NAMESPACE: &str = "library/";
const MAX_NAME_LENGTH: usize = 255;
const MAX_TAG_LENGTH: usize = 128;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    #[error("invalid reference: the image name is empty")]
    Empty,
    #[error("invalid reference {input:?}: there is no repository name before the tag or digest")]
    MissingName { input: String },
    #[error(
        "invalid reference {input:?}: a 64-character hex string is an image ID, not a name; \
         use it with commands that accept image IDs"
    )]
    ImageId { input: String },
    #[error(
        "invalid reference {input:?}: {registry:?} is not a valid registry \
         (expected host[:port] containing a '.' or a port, such as quay.io or myhost:5000, or localhost)"
    )]
    Registry { input: String, registry: String },
    #[error("invalid reference {input:?}: repository name must be lowercase")]
    Uppercase { input: String },
    #[error(
        "invalid reference {input:?}: {component:?} is not a valid repository path component \
         (lowercase letters and digits, joined by '.', '_', '__' or dashes)"
    )]
    Component { input: String, component: String },
    #[error(
        "invalid reference {input:?}: the name is {length} characters long; at most 255 are allowed"
    )]
    TooLong { input: String, length: usize },
    #[error(
        "invalid tag {tag:?} in {input:?}: a tag is 1 to 128 letters, digits, '_', '.' and '-', \
         not starting with '.' or '-'"
    )]
    Tag { input: String, tag: String },
    #[error("invalid digest {digest:?} in {input:?}: only sha256 digests are supported")]
    UnsupportedDigest { input: String, digest: String },
    #[error(
        "invalid digest {digest:?} in {input:?}: expected \"sha256:\" and 64 lowercase hex digits"
    )]
    Digest { input: String, digest: String },
}

/// A parsed image reference. Always valid: the only ways to make one check
/// the grammar.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Reference {
    registry: Option<String>,
    repository: String,
    tag: Option<String>,
    digest: Option<String>,
}

impl Reference {
    /// Parses `input`, normalising Docker Hub names (`index.docker.io/x` is
    /// `docker.io/library/x`).
    pub fn parse(input: &str) -> Result<Reference, Error> {
        if input.is_empty() {
            return Err(Error::Empty);
        }
        if input.len() == 64 && input.bytes().all(is_lower_hex) {
            return Err(Error::ImageId {
                input: input.into(),
            });
        }
        let (without_digest, digest) = match input.split_once('@') {
            Some((rest, digest)) => (rest, Some(digest)),
            None => (input, None),
        };
        // A tag follows the last ':' unless a '/' comes after it (then the ':' was a port).
        let (name, tag) = match without_digest.rfind(':') {
            Some(colon) if !without_digest[colon..].contains('/') => {
                (&without_digest[..colon], Some(&without_digest[colon + 1..]))
            }
            _ => (without_digest, None),
        };
        if name.is_empty() {
            return Err(Error::MissingName {
                input: input.into(),
            });
        }
        let (registry, path) = match name.split_once('/') {
            Some((first, rest)) if looks_like_registry(first) => (Some(first), rest),
            _ => (None, name),
        };
        if let Some(registry) = registry {
            if !valid_host_port(registry) {
                return Err(Error::Registry {
                    input: input.into(),
                    registry: registry.into(),
                });
            }
        }
        check_path(input, path)?;
        if name.len() > MAX_NAME_LENGTH {
            return Err(Error::TooLong {
                input: input.into(),
                length: name.len(),
            });
        }
        if let Some(tag) = tag {
            if !valid_tag(tag) {
                return Err(Error::Tag {
                    input: input.into(),
                    tag: tag.into(),
                });
            }
        }
        if let Some(digest) = digest {
            check_reference_digest(input, digest)?;
        }
        let registry = registry.map(|r| {
            if r == LEGACY_DOCKER_HUB {
                DOCKER_HUB
            } else {
                r
            }
        });
        let repository = match registry {
            Some(DOCKER_HUB) if !path.contains('/') => format!("{OFFICIAL_NAMESPACE}{path}"),
            _ => path.to_string(),
        };
        Ok(Reference {
            registry: registry.map(String::from),
            repository,
            tag: tag.map(String::from),
            digest: digest.map(String::from),
        })
    }

    /// True when the name has no registry part (`alpine`, `library/alpine`).
    pub fn is_short_name(&self) -> bool {
        self.registry.is_none()
    }

    /// The registry as named (normalised for Docker Hub); `None` for a short name.
    pub fn registry(&self) -> Option<&str> {
        self.registry.as_deref()
    }

    /// The registry in the fully-qualified form: the one named, or `docker.io`
    /// for a short name, as Docker reads it.
    pub fn registry_host(&self) -> &str {
        self.registry.as_deref().unwrap_or(DOCKER_HUB)
    }

    /// The path on the registry (`library/alpine`); a short name's path as written.
    pub fn repository(&self) -> &str {
        &self.repository
    }

    pub fn tag(&self) -> Option<&str> {
        self.tag.as_deref()
    }

    /// The tag, or `latest` when none was given.
    pub fn tag_or_latest(&self) -> &str {
        self.tag.as_deref().unwrap_or(DEFAULT_TAG)
    }

    /// `sha256:<hex>`, when the reference pins one.
    pub fn digest(&self) -> Option<&str> {
        self.digest.as_deref()
    }

    /// The fully-qualified name without tag or digest: `docker.io/library/alpine`.
    pub fn name(&self) -> String {
        match &self.registry {
            Some(registry) => format!("{registry}/{}", self.repository),
            None if !self.repository.contains('/') => {
                format!("{DOCKER_HUB}/{OFFICIAL_NAMESPACE}{}", self.repository)
            }
            None => format!("{DOCKER_HUB}/{}", self.repository),
        }
    }

    /// A short name placed in `registry` (with `library/` on Docker Hub);
    /// a fully-qualified reference unchanged. Fails when `registry` is not
    /// one, or the name would grow too long.
    pub fn qualified_in(&self, registry: &str) -> Result<Reference, Error> {
        if !self.is_short_name() {
            return Ok(self.clone());
        }
        let text = format!("{registry}/{}{}", self.repository, self.suffix());
        let qualified = Reference::parse(&text)?;
        if qualified.is_short_name() {
            // `registry` lacks a '.' or port, so the grammar reads it as a path component.
            return Err(Error::Registry {
                input: text,
                registry: registry.into(),
            });
        }
        Ok(qualified)
    }

    /// The name a new tag gets: short names go under `localhost/`, as Podman
    /// names local images (`rcon tag IMG app:v2` → `localhost/app:v2`).
    pub fn normalized_for_tag(&self) -> Result<Reference, Error> {
        self.qualified_in("localhost")
    }

    /// `target`'s registry and repository with this reference's tag and digest
    /// (an alias `alpine` → `docker.io/library/alpine` keeps `:3.20`).
    pub fn renamed_to(&self, target: &Reference) -> Reference {
        Reference {
            registry: target.registry.clone(),
            repository: target.repository.clone(),
            tag: self.tag.clone(),
            digest: self.digest.clone(),
        }
    }

    /// `:tag`, `@digest`, both or neither, as written.
    fn suffix(&self) -> String {
        let tag = self
            .tag
            .as_ref()
            .map(|t| format!(":{t}"))
            .unwrap_or_default();
        let digest = self
            .digest
            .as_ref()
            .map(|d| format!("@{d}"))
            .unwrap_or_default();
        tag + &digest
    }
}

impl fmt::Display for Reference {
    /// The fully-qualified form, with the default tag when neither tag nor
    /// digest was given: `docker.io/library/alpine:latest`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name())?;
        if self.tag.is_none() && self.digest.is_none() {
            write!(f, ":{DEFAULT_TAG}")
        } else {
            f.write_str(&self.suffix())
        }
    }
}

impl FromStr for Reference {
    type Err = Error;

    fn from_str(input: &str) -> Result<Reference, Error> {
        Reference::parse(input)
    }
}

/// True when `text` is a registry as the grammar recognises one: a valid
/// `host[:port]` containing a `.` or `:`, or `localhost`.
pub fn is_registry(text: &str) -> bool {
    looks_like_registry(text) && valid_host_port(text)
}

/// True when `text` is a DNS name or IPv4 address (no port).
pub fn is_domain_name(text: &str) -> bool {
    text.split('.').all(valid_domain_component)
}

fn looks_like_registry(first_component: &str) -> bool {
    first_component.contains(['.', ':']) || first_component == "localhost"
}

/// `host[:port]`: a DNS name or IPv4 address, or an IPv6 address in brackets.
fn valid_host_port(text: &str) -> bool {
    let (host_ok, port) = if let Some(rest) = text.strip_prefix('[') {
        let Some((address, after)) = rest.split_once(']') else {
            return false;
        };
        if !after.is_empty() && !after.starts_with(':') {
            return false;
        }
        let address_ok =
            !address.is_empty() && address.bytes().all(|b| b.is_ascii_hexdigit() || b == b':');
        (address_ok, after.strip_prefix(':'))
    } else {
        let (host, port) = match text.split_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (text, None),
        };
        (is_domain_name(host), port)
    };
    host_ok && port.is_none_or(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
}

/// `[a-zA-Z0-9]` or `[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]`.
fn valid_domain_component(component: &str) -> bool {
    let bytes = component.as_bytes();
    match (bytes.first(), bytes.last()) {
        (Some(first), Some(last)) => {
            first.is_ascii_alphanumeric()
                && last.is_ascii_alphanumeric()
                && bytes
                    .iter()
                    .all(|b| b.is_ascii_alphanumeric() || *b == b'-')
        }
        _ => false,
    }
}

fn check_path(input: &str, path: &str) -> Result<(), Error> {
    for component in path.split('/') {
        if !valid_path_component(component) {
            if valid_path_component(&component.to_ascii_lowercase()) {
                return Err(Error::Uppercase {
                    input: input.into(),
                });
            }
            return Err(Error::Component {
                input: input.into(),
                component: component.into(),
            });
        }
    }
    Ok(())
}

/// `[a-z0-9]+` runs joined by exactly one of `.`, `_`, `__` or `-+`.
fn valid_path_component(component: &str) -> bool {
    let is_alnum = |b: &u8| b.is_ascii_lowercase() || b.is_ascii_digit();
    let bytes = component.as_bytes();
    if !bytes.first().is_some_and(is_alnum) || !bytes.last().is_some_and(is_alnum) {
        return false;
    }
    bytes
        .split(is_alnum)
        .filter(|separator| !separator.is_empty())
        .all(|separator| {
            matches!(separator, b"." | b"_" | b"__") || separator.iter().all(|b| *b == b'-')
        })
}

fn valid_tag(tag: &str) -> bool {
    let word = |b: &u8| b.is_ascii_alphanumeric() || *b == b'_';
    let bytes = tag.as_bytes();
    bytes.len() <= MAX_TAG_LENGTH
        && bytes.first().is_some_and(word)
        && bytes.iter().all(|b| word(b) || *b == b'.' || *b == b'-')
}

/// Why a digest is not one rcon accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum BadDigest {
    #[error("only sha256 digests are supported")]
    Unsupported,
    #[error("expected \"sha256:\" and 64 lowercase hex digits")]
    Malformed,
}

/// Checks a digest: `sha256:` and 64 lowercase hex digits. Every digest a
/// registry or an archive sends goes through this before it names a URL or
/// a file: `sha256:../../x` would otherwise be a path.
pub fn check_digest(digest: &str) -> Result<(), BadDigest> {
    match digest.split_once(':') {
        Some(("sha256", hex)) if hex.len() == 64 && hex.bytes().all(is_lower_hex) => Ok(()),
        Some(("sha256", _)) => Err(BadDigest::Malformed),
        // Some other algorithm in the grammar's shape (`sha512:<hex>`).
        Some((algorithm, hex))
            if algorithm.starts_with(|c: char| c.is_ascii_alphabetic())
                && algorithm
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"+._-".contains(&b))
                && hex.len() >= 32
                && hex.bytes().all(|b| b.is_ascii_hexdigit()) =>
        {
            Err(BadDigest::Unsupported)
        }
        _ => Err(BadDigest::Malformed),
    }
}

fn check_reference_digest(input: &str, digest: &str) -> Result<(), Error> {
    check_digest(digest).map_err(|bad| {
        let (input, digest) = (input.to_string(), digest.to_string());
        match bad {
            BadDigest::Unsupported => Error::UnsupportedDigest { input, digest },
            BadDigest::Malformed => Error::Digest { input, digest },
        }
    })
}

fn is_lower_hex(b: u8) -> bool {
    b.is_ascii_digit() || (b'a'..=b'f').contains(&b)
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEX: &str = "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff";

    fn parts(input: &str) -> (Option<String>, String, Option<String>, Option<String>) {
        let r = Reference::parse(input).unwrap_or_else(|e| panic!("{input}: {e}"));
        (r.registry, r.repository, r.tag, r.digest)
    }

    fn some(s: &str) -> Option<String> {
        Some(s.to_string())
    }

    #[test]
    fn splits_registry_path_tag_and_digest() {
        let digest = format!("sha256:{HEX}");
        assert_eq!(parts("test_com"), (None, "test_com".into(), None, None));
        assert_eq!(
            parts("test.com:tag"),
            (None, "test.com".into(), some("tag"), None)
        );
        assert_eq!(
            parts("test.com:5000"),
            (None, "test.com".into(), some("5000"), None)
        );
        assert_eq!(
            parts("test.com/repo:tag"),
            (some("test.com"), "repo".into(), some("tag"), None)
        );
        assert_eq!(
            parts("test:5000/repo"),
            (some("test:5000"), "repo".into(), None, None)
        );
        assert_eq!(
            parts(&format!("test:5000/repo@{digest}")),
            (some("test:5000"), "repo".into(), None, some(&digest))
        );
        assert_eq!(
            parts(&format!("localhost:5000/a/b:tag@{digest}")),
            (
                some("localhost:5000"),
                "a/b".into(),
                some("tag"),
                some(&digest)
            )
        );
        assert_eq!(
            parts("127.0.0.1:5000/x"),
            (some("127.0.0.1:5000"), "x".into(), None, None)
        );
        assert_eq!(
            parts("192.168.1.1"),
            (None, "192.168.1.1".into(), None, None)
        );
        assert_eq!(
            parts("192.168.1.1:5000/repo:5050"),
            (some("192.168.1.1:5000"), "repo".into(), some("5050"), None)
        );
        assert_eq!(
            parts("localhost/foo"),
            (some("localhost"), "foo".into(), None, None)
        );
        assert_eq!(
            parts("foo_bar.com:8080"),
            (None, "foo_bar.com".into(), some("8080"), None)
        );
        assert_eq!(
            parts("foo/foo_bar.com:8080"),
            (None, "foo/foo_bar.com".into(), some("8080"), None)
        );
        assert_eq!(
            parts("lowercase:Uppercase"),
            (None, "lowercase".into(), some("Uppercase"), None)
        );
        assert_eq!(
            parts("b.gcr.io/test.example.com/my-app:test.example.com"),
            (
                some("b.gcr.io"),
                "test.example.com/my-app".into(),
                some("test.example.com"),
                None
            )
        );
        assert_eq!(
            parts("xn--n3h.com/myimage:xn--n3h.com").0,
            some("xn--n3h.com")
        );
        assert_eq!(
            parts("sub-dom1.foo.com/bar/baz/quux:some-long-tag").1,
            "bar/baz/quux"
        );
    }

    #[test]
    fn ipv6_registries_need_brackets_and_no_zone() {
        assert_eq!(parts("[2001:db8::1]/repo").0, some("[2001:db8::1]"));
        assert_eq!(
            parts("[2001:db8::1]:5000/repo:tag"),
            (some("[2001:db8::1]:5000"), "repo".into(), some("tag"), None)
        );
        assert_eq!(parts("[::1]:5000/repo").0, some("[::1]:5000"));
        assert!(Reference::parse("[2001:db8::1]").is_err());
        assert!(Reference::parse("[2001:db8::1]:5000").is_err());
        assert!(matches!(
            Reference::parse("[fe80::1%eth0]:5000/repo"),
            Err(Error::Registry { .. })
        ));
        assert!(matches!(
            Reference::parse("[::1]x/repo"),
            Err(Error::Registry { .. })
        ));
    }

    #[test]
    fn path_component_separators() {
        for good in [
            "a.b",
            "a_b",
            "a__b",
            "a-b",
            "a---b",
            "a.b_c__d---e",
            "0",
            "a0-9z",
        ] {
            assert!(Reference::parse(good).is_ok(), "{good}");
        }
        for bad in [
            "a..b", "a___b", "a_.b", "-a", "a-", ".a", "a.", "a b", "a+b", "ä",
        ] {
            assert!(
                matches!(Reference::parse(bad), Err(Error::Component { .. })),
                "{bad}"
            );
        }
        let err = Reference::parse("aa/asdf$$^/aa").unwrap_err();
        assert_eq!(
            err,
            Error::Component {
                input: "aa/asdf$$^/aa".into(),
                component: "asdf$$^".into()
            }
        );
        assert!(
            matches!(Reference::parse("a//b"), Err(Error::Component { component, .. }) if component.is_empty())
        );
        assert!(matches!(
            Reference::parse("quay.io/"),
            Err(Error::Component { .. })
        ));
    }

    #[test]
    fn uppercase_names_are_refused_with_the_reason() {
        let err = Reference::parse("Foo/bar").unwrap_err();
        assert_eq!(
            err.to_string(),
            r#"invalid reference "Foo/bar": repository name must be lowercase"#
        );
        assert!(matches!(
            Reference::parse("Uppercase:tag"),
            Err(Error::Uppercase { .. })
        ));
        assert!(matches!(
            Reference::parse("test:5000/Uppercase/lowercase:tag"),
            Err(Error::Uppercase { .. })
        ));
        // Registries are host names: case is theirs to choose.
        assert_eq!(parts("Example.COM/repo").0, some("Example.COM"));
    }

    #[test]
    fn names_are_at_most_255_characters() {
        let longest = format!("{}a:tag-puts-this-over-max", "a/".repeat(127));
        assert!(Reference::parse(&longest).is_ok());
        let too_long = format!("{}a:tag", "a/".repeat(128));
        assert!(matches!(
            Reference::parse(&too_long),
            Err(Error::TooLong { length: 257, .. })
        ));
        let err = Reference::parse(&format!("quay.io/{}", "a".repeat(250))).unwrap_err();
        assert!(
            err.to_string()
                .ends_with("the name is 258 characters long; at most 255 are allowed"),
            "{err}"
        );
    }

    #[test]
    fn tags() {
        assert!(Reference::parse(&format!("a:{}", "t".repeat(128))).is_ok());
        assert!(Reference::parse("a:_x.y-Z").is_ok());
        for bad in [
            "a:-tag",
            "a:.tag",
            "a:ta+g",
            "a:",
            &format!("a:{}", "t".repeat(129)),
        ] {
            assert!(
                matches!(Reference::parse(bad), Err(Error::Tag { .. })),
                "{bad}"
            );
        }
        let err = Reference::parse("alpine:-x").unwrap_err();
        assert!(
            err.to_string()
                .starts_with(r#"invalid tag "-x" in "alpine:-x": "#),
            "{err}"
        );
    }

    #[test]
    fn digests_from_registries_are_checked_by_the_same_grammar() {
        assert_eq!(check_digest(&format!("sha256:{HEX}")), Ok(()));
        for path_like in [
            "sha256:../../../../tmp/x",
            "sha256:/etc/passwd",
            &format!("sha256:{}/..", &HEX[..61]),
            &format!("sha256:{HEX}?x"),
            &format!("sha256:{HEX}\n"),
            "",
            "sha256:",
        ] {
            assert_eq!(
                check_digest(path_like),
                Err(BadDigest::Malformed),
                "{path_like:?}"
            );
        }
        assert_eq!(
            check_digest(&format!("sha512:{HEX}{HEX}")),
            Err(BadDigest::Unsupported)
        );
    }

    #[test]
    fn digests_are_sha256_with_64_lowercase_hex_digits() {
        let short = "repo@sha256:ffffffffffffffffffffffffffffffffff";
        assert!(matches!(Reference::parse(short), Err(Error::Digest { .. })));
        let upper = format!("repo@sha256:{}", HEX.to_uppercase());
        assert!(matches!(
            Reference::parse(&upper),
            Err(Error::Digest { .. })
        ));
        let other = format!("validname@invaliddigest:{HEX}");
        assert!(matches!(
            Reference::parse(&other),
            Err(Error::UnsupportedDigest { .. })
        ));
        let sha512 = format!("repo@sha512:{HEX}{HEX}");
        let err = Reference::parse(&sha512).unwrap_err();
        assert!(
            err.to_string()
                .ends_with("only sha256 digests are supported"),
            "{err}"
        );
        for bad in [
            "repo@",
            "repo@sha256",
            "repo@:ffff",
            &format!("repo@sha256:{HEX}@x"),
        ] {
            assert!(
                matches!(Reference::parse(bad), Err(Error::Digest { .. })),
                "{bad}"
            );
        }
    }

    #[test]
    fn empty_names_and_image_ids() {
        assert_eq!(Reference::parse(""), Err(Error::Empty));
        assert!(matches!(
            Reference::parse(":justtag"),
            Err(Error::MissingName { .. })
        ));
        assert!(matches!(
            Reference::parse(&format!("@sha256:{HEX}")),
            Err(Error::MissingName { .. })
        ));
        assert!(matches!(Reference::parse(HEX), Err(Error::ImageId { .. })));
        // Not 64 characters: an ordinary name.
        assert!(Reference::parse(&HEX[..63]).is_ok());
    }

    #[test]
    fn docker_hub_normalisation_and_display() {
        let show = |input: &str| Reference::parse(input).unwrap().to_string();
        assert_eq!(show("alpine"), "docker.io/library/alpine:latest");
        assert_eq!(show("docker.io/alpine"), "docker.io/library/alpine:latest");
        assert_eq!(
            show("index.docker.io/alpine:3.20"),
            "docker.io/library/alpine:3.20"
        );
        assert_eq!(
            show("docker.io/library/alpine"),
            "docker.io/library/alpine:latest"
        );
        assert_eq!(show("user/app:v1"), "docker.io/user/app:v1");
        assert_eq!(show("quay.io/alpine"), "quay.io/alpine:latest");
        assert_eq!(
            show(&format!("alpine@sha256:{HEX}")),
            format!("docker.io/library/alpine@sha256:{HEX}")
        );
        assert_eq!(
            show(&format!("a.io/x:v@sha256:{HEX}")),
            format!("a.io/x:v@sha256:{HEX}")
        );

        let hub = Reference::parse("index.docker.io/alpine").unwrap();
        assert_eq!(
            (hub.registry(), hub.repository()),
            (Some("docker.io"), "library/alpine")
        );
        let short = Reference::parse("alpine").unwrap();
        assert!(short.is_short_name());
        assert_eq!(
            (short.registry(), short.registry_host(), short.repository()),
            (None, "docker.io", "alpine")
        );
        assert_eq!(
            (short.tag(), short.tag_or_latest(), short.digest()),
            (None, "latest", None)
        );
        assert_eq!(short.name(), "docker.io/library/alpine");
        assert_eq!(
            Reference::parse("user/app").unwrap().name(),
            "docker.io/user/app"
        );
        assert!(!Reference::parse("localhost/x").unwrap().is_short_name());
        assert_eq!(
            "quay.io/a/b:c".parse::<Reference>().unwrap().name(),
            "quay.io/a/b"
        );
    }

    #[test]
    fn qualifying_short_names() {
        let short = Reference::parse("alpine:3.20").unwrap();
        assert_eq!(
            short.qualified_in("docker.io").unwrap().to_string(),
            "docker.io/library/alpine:3.20"
        );
        assert_eq!(
            short.qualified_in("quay.io").unwrap().to_string(),
            "quay.io/alpine:3.20"
        );
        assert_eq!(
            short.qualified_in("localhost").unwrap().to_string(),
            "localhost/alpine:3.20"
        );
        assert!(matches!(
            short.qualified_in("myregistry"),
            Err(Error::Registry { .. })
        ));
        assert!(matches!(
            short.qualified_in("bad_host.io"),
            Err(Error::Registry { .. })
        ));
        let full = Reference::parse("quay.io/x").unwrap();
        assert_eq!(full.qualified_in("docker.io").unwrap(), full);
        let long = Reference::parse(&"a".repeat(250)).unwrap();
        assert!(matches!(
            long.qualified_in("quay.io"),
            Err(Error::TooLong { .. })
        ));

        let target = Reference::parse("docker.io/library/alpine").unwrap();
        assert_eq!(
            short.renamed_to(&target).to_string(),
            "docker.io/library/alpine:3.20"
        );
    }

    #[test]
    fn registry_detection() {
        for registry in [
            "quay.io",
            "localhost",
            "localhost:5000",
            "myhost:5000",
            "127.0.0.1",
            "[::1]:5000",
        ] {
            assert!(is_registry(registry), "{registry}");
        }
        for not in [
            "myhost",
            "bad_host.io",
            "quay.io:",
            "quay.io:x",
            "-a.io",
            "a..io",
            "[]",
            "Localhost",
        ] {
            assert!(!is_registry(not), "{not}");
        }
        assert!(is_domain_name("internal") && is_domain_name("a-b.Example.com"));
        assert!(!is_domain_name("a.io:5000") && !is_domain_name("a_b.io") && !is_domain_name(""));
    }
}
